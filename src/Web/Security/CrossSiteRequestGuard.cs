using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Overholt.Application.Errors;
using Overholt.Web.Api;

namespace Overholt.Web.Security;

/// <summary>
/// CSRF defence for the API when it is called with the sign-in cookie (bearer tokens are not sent by browsers on their
/// own, so they need none). An unsafe request (POST, PUT, PATCH, DELETE, after method override) authenticated by the
/// cookie must show that it comes from this site: <c>Sec-Fetch-Site: same-origin</c> (or <c>none</c>, a request the
/// user made directly) from a browser that sends fetch metadata; otherwise an <c>Origin</c> equal to this site's.
/// With neither header the request is refused: browsers send at least one on such requests, and scripts use a token.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiPaths.IsApi(context.Request.Path) && !IsSafe(context.Request.Method) && IsCookieAuthenticated(context) && !ComesFromThisSite(context.Request))
            throw new ForbiddenException("Requests with the sign-in cookie must come from this site's own pages; other clients send a bearer token");
        return next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsCookieAuthenticated(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == IdentityConstants.ApplicationScheme;

    private static bool ComesFromThisSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is "same-origin" or "none";

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
