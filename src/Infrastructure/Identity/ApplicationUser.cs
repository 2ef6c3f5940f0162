using Microsoft.AspNetCore.Identity;

namespace Overholt.Infrastructure.Identity;

/// <summary>A user account in the identity store, with the original Overholt's activity and login-tracking fields.</summary>
public sealed class ApplicationUser : IdentityUser<int>
{
    public bool Active { get; set; } = true;

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    public DateTimeOffset? CurrentLoginAt { get; private set; }

    public string? LastLoginIp { get; private set; }

    public string? CurrentLoginIp { get; private set; }

    public int LoginCount { get; private set; }

    /// <summary>The current login becomes the last one, as Flask-Security tracks it.</summary>
    public void RecordLogin(DateTimeOffset at, string? ipAddress)
    {
        LastLoginAt = CurrentLoginAt ?? at;
        LastLoginIp = CurrentLoginIp ?? ipAddress;
        CurrentLoginAt = at;
        CurrentLoginIp = ipAddress;
        LoginCount++;
    }
}
