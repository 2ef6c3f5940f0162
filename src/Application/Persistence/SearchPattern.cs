namespace Overholt.Application.Persistence;

/// <summary>
/// The SQL LIKE pattern for "contains this text". The text is matched literally: <c>%</c>, <c>_</c> and the escape
/// character itself are escaped, so <c>100%</c> finds "100%", not everything starting with "100".
/// </summary>
public static class SearchPattern
{
    public const string EscapeCharacter = "\\";

    public static string Containing(string search) =>
        "%" + search.Trim()
            .Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal) + "%";
}
