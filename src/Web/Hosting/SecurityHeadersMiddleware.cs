namespace Overholt.Web.Hosting;

/// <summary>
/// Security headers on every response. The pages load scripts and styles from the app only, with no inline code,
/// so the Content-Security-Policy can forbid both. Hangfire's dashboard and the Scalar API reference ship inline script
/// and style, so their CSP allows that and nothing more (still nothing from other origins).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string PagesPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string BundledUiPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var isBundledUi = context.Request.Path.StartsWithSegments("/admin/jobs") || context.Request.Path.StartsWithSegments("/scalar");

        // Set as the response starts: the exception handler clears headers before it renders an error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = isBundledUi ? BundledUiPolicy : PagesPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
