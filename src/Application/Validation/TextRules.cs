using FluentValidation;

namespace Overholt.Application.Validation;

/// <summary>Rules every text a client sends must pass before it reaches a database or a query.</summary>
public static class TextRules
{
    /// <summary>
    /// No control characters: PostgreSQL cannot store NUL at all and SQLite would, so refusing them here gives the
    /// same answer on both. Multi-line texts may hold tabs and line breaks.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => IsPlain(text, multiline)).WithMessage("'{PropertyName}' must not contain control characters.");

    public static bool IsPlain(string? text, bool multiline = false) =>
        text is null || !text.Any(character => char.IsControl(character) && !(multiline && character is '\t' or '\r' or '\n'));
}
