using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Application.Validation;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, plus the original's rules (inactive users cannot sign in, each login is tracked on the user), a
/// lockout per account name and client network (<see cref="SignInGuard"/>) instead of Identity's per account, which
/// anyone could trigger to keep the owner out, and answers that do not tell accounts apart: an unknown email, a locked
/// out network, a deactivated account and a wrong password each cost the same statements and one password hash, and
/// answer alike; only someone with the right password learns that an account is deactivated. Two-factor sign-in is
/// not offered (its endpoints are closed), so a password is the whole sign-in.
/// </summary>
public sealed class OverholtSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SignInGuard guard,
    IOptions<PasswordHasherOptions> hashing,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser NoOne = new();

    /// <summary>A hash of no one's password per hashing setup (its settings decide how long checking it takes).</summary>
    private static readonly ConditionalWeakTable<PasswordHasherOptions, string> UnknownUserHashes = [];

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        // A name no account can have (control characters; PostgreSQL text cannot even hold NUL) is a failure, unrecorded.
        if (!TextRules.IsPlain(userName))
        {
            VerifyNoOne(password);
            return SignInResult.Failed;
        }

        var name = UserManager.NormalizeName(userName);
        var client = ClientNetwork.Of(Context.Connection.RemoteIpAddress);
        var lockedOut = await guard.IsLockedOutAsync(name, client);
        var user = await UserManager.FindByNameAsync(userName);
        // Always one hash, whatever is found: timing tells no outcome apart.
        var passwordIsRight = false;
        if (user is null)
            VerifyNoOne(password);
        else
            passwordIsRight = await UserManager.CheckPasswordAsync(user, password);

        if (lockedOut || !passwordIsRight || user is null)
        {
            await guard.RecordFailureAsync(name, client);
            return SignInResult.Failed;
        }

        await guard.ForgetAsync(name, client);
        if (!user.Active)
            return SignInResult.NotAllowed;
        await SignInWithClaimsAsync(user, isPersistent, [new Claim("amr", "pwd")]);
        return SignInResult.Success;
    }

    /// <summary>A hash checked for an unknown name, as long as a real account's; never a match.</summary>
    private void VerifyNoOne(string password)
    {
        var hasher = UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(NoOne, UnknownUserHashes.GetValue(hashing.Value, _ => hasher.HashPassword(NoOne, Guid.NewGuid().ToString())), password);
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
