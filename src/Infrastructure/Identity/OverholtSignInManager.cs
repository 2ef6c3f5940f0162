using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, plus the original's rules (inactive users cannot sign in, each login is tracked on the user) and
/// answers that do not tell accounts apart: an unknown email costs a password hash like a known one, and a deactivated
/// account is checked (and locked out) like an active one, so only someone with its password learns it is deactivated.
/// </summary>
public sealed class OverholtSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser NoOne = new();
    private static string? _unknownUserHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);

        // As long as checking a real account's password, so timing does not tell unknown emails apart.
        _unknownUserHash ??= UserManager.PasswordHasher.HashPassword(NoOne, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(NoOne, _unknownUserHash, password);
        return SignInResult.Failed;
    }

    /// <summary>The password (and lockout) first, then whether the account is active.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        return result.Succeeded && !user.Active ? SignInResult.NotAllowed : result;
    }

    /// <summary>Refresh tokens and cookie re-validation end for a deactivated account.</summary>
    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { Active: true } user ? user : null;

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        user.RecordLogin(clock.GetUtcNow(), Context.Connection.RemoteIpAddress?.ToString());
        await UserManager.UpdateAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }
}
