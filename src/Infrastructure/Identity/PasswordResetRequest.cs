namespace Overholt.Infrastructure.Identity;

/// <summary>
/// When a reset link was last asked for an email address: one email per address per
/// <see cref="PasswordRecovery.RequestWindow"/>, however often it is asked. Kept by the address as asked, not by
/// account, so an unknown address costs exactly what a known one does.
/// </summary>
public sealed class PasswordResetRequest
{
    /// <summary>The normalized email address.</summary>
    public required string Email { get; init; }

    public DateTime RequestedAt { get; set; }
}
