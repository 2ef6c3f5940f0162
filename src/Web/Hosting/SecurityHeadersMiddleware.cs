using Overholt.Web.Api;

namespace Overholt.Web.Hosting;

/// <summary>
/// Security headers on every response. The pages load scripts and styles from the app only, with no inline code,
/// so the Content-Security-Policy can forbid both. Hangfire's dashboard and the Scalar API reference ship inline script
/// and style, so their CSP allows that and nothing more (still nothing from other origins). API answers are the
/// signed-in user's: no shared cache may keep them; a client's own cache revalidates catalogue answers with their
/// ETag (<c>private, no-cache</c>) and keeps nothing of accounts and tokens (<c>no-store</c>).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string PagesPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string BundledUiPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string AuthPath = ApiPaths.Prefix + "/auth";

    private const string UsersPath = ApiPaths.Prefix + "/users";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isBundledUi = path.StartsWithSegments("/admin/jobs") || path.StartsWithSegments("/scalar");
        var apiCaching = !ApiPaths.IsApi(path) ? null
            : path.StartsWithSegments(AuthPath) || path.StartsWithSegments(UsersPath) ? "no-store"
            : "private, no-cache";

        // Set as the response starts: the exception handler clears headers before it renders an error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Referrer-Policy")) // a page may ask for a stricter one
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = isBundledUi ? BundledUiPolicy : PagesPolicy;
            if (apiCaching is not null && !headers.ContainsKey("Cache-Control"))
                headers.CacheControl = apiCaching;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
