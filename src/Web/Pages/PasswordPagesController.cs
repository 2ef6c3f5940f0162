using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Identity;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>
/// A user's own password: recovery by an emailed link (anonymous) and a change while signed in. Each post checks or
/// sets a password, so each is throttled like a sign-in.
/// </summary>
[Route("")]
public sealed class PasswordPagesController(
    PasswordRecovery recovery,
    OwnPasswordChange change,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOptions<IdentityOptions> identity) : PageController
{
    private const string NewPassword = nameof(ResetPasswordForm.NewPassword);
    private const string ConfirmPassword = nameof(ResetPasswordForm.ConfirmPassword);

    [HttpGet("forgot-password")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => RecoveryView(new ForgotPasswordForm());

    /// <summary>The same answer, after the same work, whether or not an account has the address.</summary>
    [HttpPost("forgot-password")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottling.Policy)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        if (!recovery.IsOn)
            return RecoveryView(form);
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            ModelState.AddModelError(nameof(form.Email), "Enter the email address you sign in with.");
            return RecoveryView(form);
        }

        await recovery.RequestAsync(form.Email.Trim(), cancellationToken);
        Succeeded($"If an account has the address {form.Email.Trim()}, a link to choose a new password is on its way there. It works once, for {PasswordRecovery.LinkLifetime.TotalMinutes:0} minutes.");
        return LocalRedirect("/login");
    }

    [HttpGet("reset-password")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(string? email, string? code)
    {
        var valid = recovery.IsOn && email is not null && code is not null && await recovery.IsValidLinkAsync(email, code);
        KeepLinkPrivate();
        return View(new ResetPasswordForm { Email = email, Code = code, LinkIsValid = valid });
    }

    [HttpPost("reset-password")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottling.Policy)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        KeepLinkPrivate();
        if (!NewPasswordIsConfirmed(form.NewPassword, form.ConfirmPassword))
            return View(form with { NewPassword = null, ConfirmPassword = null });

        var result = await recovery.ResetAsync(form.Email ?? string.Empty, form.Code ?? string.Empty, form.NewPassword!);
        if (result.Succeeded)
        {
            Succeeded("Your password was changed and every session of your account was signed out. Sign in with the new password.");
            return LocalRedirect("/login");
        }

        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            return View(form with { NewPassword = null, ConfirmPassword = null, LinkIsValid = false });
        foreach (var error in result.Errors)
            ModelState.AddModelError(NewPassword, error.Description);
        return View(form with { NewPassword = null, ConfirmPassword = null });
    }

    [HttpGet("account/password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("account/password")]
    [EnableRateLimiting(SignInThrottling.Policy)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (string.IsNullOrEmpty(form.CurrentPassword))
            ModelState.AddModelError(nameof(form.CurrentPassword), "Enter your current password.");
        if (!NewPasswordIsConfirmed(form.NewPassword, form.ConfirmPassword) || !ModelState.IsValid)
            return View(new ChangePasswordForm());

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account");
        var result = await change.ChangeAsync(user, form.CurrentPassword!, form.NewPassword!, ClientNetwork.Of(HttpContext.Connection.RemoteIpAddress));
        switch (result.Outcome)
        {
            case OwnPasswordChangeOutcome.Changed:
                // This session goes on with the account's new stamp; every other one ends.
                await signIn.RefreshSignInAsync(user);
                Succeeded("Your password was changed. Your other sessions and tokens were signed out.");
                return LocalRedirect("/");
            case OwnPasswordChangeOutcome.LockedOut:
                var lockout = identity.Value.Lockout.DefaultLockoutTimeSpan;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)lockout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.AddModelError(string.Empty, $"Too many wrong passwords from your address: try again in {lockout.TotalMinutes:0} minutes.");
                break;
            case OwnPasswordChangeOutcome.WrongCurrentPassword:
                ModelState.AddModelError(nameof(form.CurrentPassword), "This is not your current password.");
                break;
            default:
                foreach (var reason in result.Reasons)
                    ModelState.AddModelError(NewPassword, reason);
                break;
        }

        return View(new ChangePasswordForm());
    }

    private bool NewPasswordIsConfirmed(string? newPassword, string? confirmation)
    {
        if (string.IsNullOrEmpty(newPassword))
            ModelState.AddModelError(NewPassword, "Enter a new password.");
        else if (!string.Equals(newPassword, confirmation, StringComparison.Ordinal))
            ModelState.AddModelError(ConfirmPassword, "The two passwords differ.");
        return ModelState.IsValid;
    }

    /// <summary>The link's code is in the page's address and form: no Referer carries it on, no cache keeps it.</summary>
    private void KeepLinkPrivate()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }

    private ViewResult RecoveryView(ForgotPasswordForm form)
    {
        ViewData["RecoveryIsOn"] = recovery.IsOn;
        return View(nameof(ForgotPassword), form);
    }
}
