using FluentValidation;

namespace Overholt.Application.Validation;

/// <summary>Rules every text a client sends must pass before it reaches a database or a query.</summary>
public static class TextRules
{
    /// <summary>
    /// No control characters: PostgreSQL cannot store NUL at all and SQLite would, so refusing them here gives the
    /// same answer on both. Multi-line texts may hold tabs and line breaks. No invisible characters that change how a
    /// text reads either (<see cref="IsInvisible"/>): a name shown on the admin pages or in an email subject must read
    /// as what it is.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => IsPlain(text, multiline))
            .WithMessage("'{PropertyName}' must not contain control characters or invisible ones (direction overrides, zero-width spaces).");

    public static bool IsPlain(string? text, bool multiline = false) =>
        text is null || !text.Any(character => IsInvisible(character) || (char.IsControl(character) && !(multiline && character is '\t' or '\r' or '\n')));

    /// <summary>
    /// Characters that show nothing yet change how the text around them reads or compares: the bidirectional marks,
    /// embeddings, overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069, which can make
    /// "exe.txt" read "txt.exe"), zero-width space, word joiner and invisible operators (U+200B, U+2060-U+2064), the
    /// byte order mark (U+FEFF). Zero-width joiner and non-joiner (U+200C-U+200D) stay allowed: emoji and several
    /// scripts (Persian, the Indic scripts) need them.
    /// </summary>
    public static bool IsInvisible(char character) => character is '\u061C' or '\u200B' or '\u200E' or '\u200F'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\uFEFF';
}
