using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Overholt.Infrastructure.Identity;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>Sign in and out with the auth cookie. Lockout and inactive accounts are Identity's rules, tracked logins too.</summary>
[Route("")]
public sealed class AccountController(SignInManager<ApplicationUser> signIn) : PageController
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottling.Policy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
            return View(form);

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");

        // Not allowed comes only after the right password (see OverholtSignInManager); every other failure reads the same.
        ModelState.AddModelError(string.Empty, result.IsNotAllowed ? AuthenticationSetup.DeactivatedMessage : AuthenticationSetup.FailedSignInMessage);
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
