using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

/// <summary>
/// Ends sessions and bearer tokens issued before the account's last security change. Role changes, password resets,
/// deactivation and deletion renew (or remove) the account's security stamp; a cookie or token carrying another stamp
/// fails authentication (401, or the login page), on every node within <see cref="AuthOptions.AccountCheckInterval"/>.
/// Hooked into each scheme's own validation: Identity checks the stamp of cookies only every few minutes, and of
/// bearer tokens never.
/// </summary>
internal static class SessionRevocation
{
    public const string RevokedMessage = "This session was ended by a change to the account.";

    public static void CheckCookies(CookieAuthenticationOptions options) =>
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal is not null && !await IsCurrentAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await SecurityStampValidator.ValidatePrincipalAsync(context); // Identity's own refresh of the cookie's claims
        };

    /// <summary>Reads the token once, as the bearer handler would, and decides with the account's current stamp.</summary>
    public static void CheckBearerTokens(BearerTokenOptions options) =>
        options.Events.OnMessageReceived = async context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
                return;

            var tickets = context.HttpContext.RequestServices.GetRequiredService<BearerTickets>();
            var ticket = tickets.Read(header.AsSpan("Bearer ".Length).Trim(), context.Options.BearerTokenProtector);
            if (ticket?.Properties.ExpiresUtc is not { } expires || context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() >= expires)
                return; // the handler refuses it as unreadable or expired

            if (!await IsCurrentAsync(context.HttpContext, ticket.Principal))
            {
                context.Fail(RevokedMessage);
                return;
            }

            context.Principal = ticket.Principal;
            context.Properties = ticket.Properties;
            context.Success();
        };

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (principal.UserId() is not { } userId)
            return false;
        var stampClaim = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.FindFirstValue(stampClaim) is not { } stamp)
            return false;

        var accounts = http.RequestServices.GetRequiredService<AccountStates>();
        var account = await accounts.GetAsync(userId, fresh: false, http.RequestAborted);
        // A stamp this node has not seen may be newer than the one it keeps (a sign-in on another node): read again.
        if (account is not null && account.SecurityStamp != stamp)
            account = await accounts.GetAsync(userId, fresh: true, http.RequestAborted);
        return account?.SecurityStamp == stamp;
    }
}
