namespace Overholt.Domain.Primitives;

/// <summary>Invariant checks shared by the entities; validators catch bad input earlier, these keep the model honest.</summary>
internal static class Guard
{
    public static string RequiredText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleException($"{field} is required");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"{field} must be at most {maxLength} characters");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return RequiredText(value, field, maxLength);
    }
}
