namespace Overholt.Application.Users;

/// <summary>
/// A user as admins see it: the account's roles, whether it is active, and its login tracking. Everyone else sees a
/// <see cref="UserSummaryDto"/>. Never password hashes or security stamps.
/// </summary>
public sealed class UserAccountDto
{
    public int Id { get; init; }

    public required string Email { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool Active { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public DateTimeOffset? LastLoginAt { get; init; }

    public DateTimeOffset? CurrentLoginAt { get; init; }

    public string? LastLoginIp { get; init; }

    public string? CurrentLoginIp { get; init; }

    public int LoginCount { get; init; }
}
