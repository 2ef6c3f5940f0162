using Microsoft.Extensions.Primitives;
using Overholt.Infrastructure.Idempotency;

namespace Overholt.Web.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header. The draft makes it a structured-field string (<c>"8e03978e-..."</c>); a bare
/// value is read as well, as most clients send one. Either way the key is 1 to <see cref="IdempotencyKeys.MaxKeyLength"/>
/// printable ASCII characters, given once.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on an answer that is a replay of the first.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = IdempotencyKeys.MaxKeyLength;

    public static readonly string Rule =
        $"'{Name}' must be one value of 1 to {MaxLength} printable ASCII characters, such as a UUID.";

    public static bool TryRead(StringValues values, out string key)
    {
        key = string.Empty;
        if (values.Count != 1 || values[0] is not { } value)
            return false;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            value = value[1..^1];
        if (value.Length is 0 or > MaxLength || string.IsNullOrWhiteSpace(value))
            return false;
        foreach (var character in value)
        {
            if (character is < ' ' or > '~')
                return false;
        }

        key = value;
        return true;
    }
}
