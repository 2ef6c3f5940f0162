namespace Overholt.Web.Security;

/// <summary>The <c>SignInThrottling</c> configuration section: how many sign-in attempts one client address may make per window.</summary>
public sealed class SignInThrottlingOptions
{
    public const string Section = "SignInThrottling";

    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
