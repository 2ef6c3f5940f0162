using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Security;

/// <summary>
/// The <c>SignInThrottling</c> configuration section: how many sign-in attempts one client network may make per window
/// on this node, and how many password checks this node runs at once.
/// </summary>
public sealed class SignInThrottlingOptions
{
    public const string Section = "SignInThrottling";

    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Password checks (each a deliberately slow hash) this node runs at once; more are refused with 429, never queued.</summary>
    [Range(1, 1024)]
    public int ConcurrentPasswordChecks { get; set; } = Environment.ProcessorCount;
}
