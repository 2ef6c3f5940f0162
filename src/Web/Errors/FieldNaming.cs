using Overholt.Application.Errors;
using Overholt.Web.Api;

namespace Overholt.Web.Errors;

/// <summary>
/// Names the fields of invalid requests for each audience, here and only here. The application names a field by its
/// property (<c>ZipCode</c>, the empty name for the whole request) and quotes that name in its messages; the API says
/// <c>zip_code</c> (the JSON name, as clients send it; <c>body</c> for the whole request), the pages and the console say
/// <c>Zip code</c> (the field's label).
/// </summary>
public static class FieldNaming
{
    public const string Body = "body";

    public static string Wire(string property) =>
        property.Length == 0 ? Body : ApiPaths.Naming.ConvertName(property);

    public static string Label(string property)
    {
        var words = ApiPaths.Naming.ConvertName(property).Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The errors keyed, and their messages worded, by <paramref name="name"/>.</summary>
    public static Dictionary<string, string[]> Rename(RequestValidationException invalid, Func<string, string> name) =>
        invalid.Errors.ToDictionary(error => name(error.Key), error => error.Value.Select(message => Reword(message, error.Key, name)).ToArray());

    /// <summary>A message about <paramref name="property"/>, quoting it by <paramref name="name"/> instead.</summary>
    public static string Reword(string message, string property, Func<string, string> name) =>
        property.Length == 0 ? message : message.Replace($"'{property}'", $"'{name(property)}'", StringComparison.Ordinal);
}
