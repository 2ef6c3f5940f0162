namespace Overholt.Infrastructure.Identity;

/// <summary>What decides whether a session issued earlier still holds: the account's security stamp and its activity.</summary>
public sealed record AccountState(string? SecurityStamp, bool Active);
