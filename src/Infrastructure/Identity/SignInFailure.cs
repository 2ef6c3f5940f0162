namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Failed password checks for one account name from one client network (<see cref="ClientNetwork"/>), and until when
/// that network is locked out of that name. Kept by name, not by account, so an unknown email is counted (and answers)
/// exactly like a known one.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The normalized email or user name that was tried.</summary>
    public required string Name { get; init; }

    public required string Client { get; init; }

    public int Failures { get; set; }

    public DateTime LastFailureAt { get; set; }

    public DateTime? LockedUntil { get; set; }
}
