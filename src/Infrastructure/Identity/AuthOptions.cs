using System.ComponentModel.DataAnnotations;

namespace Overholt.Infrastructure.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Opens <c>POST /api/auth/register</c> to anyone.</summary>
    public bool AllowSelfRegistration { get; set; }

    /// <summary>
    /// How long a node trusts what it last read of an account (security stamp, activity) before reading it again:
    /// the longest a role change, password reset, deactivation or deletion made on another node takes to reach
    /// sessions and bearer tokens here.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan AccountCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
