using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

/// <summary>
/// Ends sessions and bearer tokens issued before the account's last security change. Role changes, password resets,
/// deactivation and deletion renew (or remove) the account's security stamp; a principal carrying another stamp is
/// treated as not signed in (401, or the login page), on every node within <see cref="AuthOptions.AccountCheckInterval"/>.
/// Runs for every authentication, whatever the scheme: Identity's bearer tokens have no check of their own.
/// </summary>
internal sealed class SessionRevocation(AccountStates accounts, IOptions<IdentityOptions> identity, IHttpContextAccessor http) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal NotSignedIn = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return principal;
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return NotSignedIn;

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        var account = await accounts.GetAsync(userId, fresh: false, cancellationToken);
        // A stamp this node has not seen yet may be newer than its cached one (a sign-in on another node): read again.
        if (stamp is not null && account is not null && account.SecurityStamp != stamp)
            account = await accounts.GetAsync(userId, fresh: true, cancellationToken);

        return stamp is not null && account?.SecurityStamp == stamp ? principal : NotSignedIn;
    }
}
