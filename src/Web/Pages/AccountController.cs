using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Pages;

/// <summary>Sign in and out with the auth cookie. Lockout and inactive accounts are Identity's rules, tracked logins too.</summary>
[Route("")]
public sealed class AccountController(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageController
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
            return View(form);

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");

        // Identity refuses a deactivated account before it checks the password: say so only to someone who knows it.
        var deactivated = result.IsNotAllowed
            && await users.FindByEmailAsync(form.Email!) is { } user
            && await users.CheckPasswordAsync(user, form.Password!);
        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => "This account is locked after too many failed sign-ins. Try again in a few minutes.",
            _ when deactivated => "This account is deactivated.",
            _ => "Wrong email or password.",
        });
        return View(form with { Password = null });
    }

    [HttpPost("logout")]
    [AllowAnonymous] // a deactivated user can still sign out; the cookie still authenticates the antiforgery check
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/login");
    }
}

public sealed record LoginForm
{
    [Required]
    [EmailAddress]
    public string? Email { get; init; }

    [Required]
    [DataType(DataType.Password)]
    public string? Password { get; init; }

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; init; }

    public string? ReturnUrl { get; init; }
}
