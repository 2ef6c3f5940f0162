using System.Collections.Concurrent;
using System.Net;

namespace Overholt.Application.Email;

/// <summary>
/// Renders the emails from templates embedded beside this class: <c>NAME.subject.txt</c>, <c>NAME.txt</c> and
/// <c>NAME.html</c>, with <c>{{key}}</c> placeholders. Values are HTML-encoded in the HTML part.
/// </summary>
public static class EmailTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static EmailMessage Render(string template, string to, IReadOnlyDictionary<string, string> values) => new(
        to,
        Fill(Load($"{template}.subject.txt"), values, encode: false).Trim(),
        Fill(Load($"{template}.txt"), values, encode: false),
        Fill(Load($"{template}.html"), values, encode: true));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool encode)
    {
        foreach (var (key, value) in values)
            text = text.Replace("{{" + key + "}}", encode ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        return text;
    }

    private static string Load(string file) => Cache.GetOrAdd(file, name =>
    {
        var resource = $"{typeof(EmailTemplates).Namespace}.Templates.{name}";
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No email template {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
