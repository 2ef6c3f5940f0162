namespace Overholt.Application.Errors;

/// <summary>
/// The request's input is invalid. <see cref="Errors"/> maps the request's property names (<see cref="WholeRequest"/>
/// for the request as a whole) to messages, which quote the property name in single quotes.
/// </summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid")
{
    /// <summary>The key of errors about the request as a whole rather than one of its fields.</summary>
    public const string WholeRequest = "";

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
