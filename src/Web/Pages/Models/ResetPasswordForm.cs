namespace Overholt.Web.Pages.Models;

/// <summary>The new password, with the email and code the reset link carried.</summary>
public sealed record ResetPasswordForm
{
    public string? Email { get; init; }

    public string? Code { get; init; }

    public string? NewPassword { get; init; }

    public string? ConfirmPassword { get; init; }

    /// <summary>Whether the link can still set a password (shown on the page rather than after typing one).</summary>
    public bool LinkIsValid { get; init; } = true;
}
