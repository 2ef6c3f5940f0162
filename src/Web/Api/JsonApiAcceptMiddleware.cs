using Microsoft.Net.Http.Headers;

namespace Overholt.Web.Api;

/// <summary>
/// The API has one representation, JSON, and its errors are problem+json, never an HTML page (docs/api.md). A request
/// to it whose Accept header names no JSON type (a browser's <c>text/html</c>, an XML client's <c>application/xml</c>)
/// is answered in JSON all the same, as RFC 9110 lets a server do: the header is read as asking for JSON. Without this,
/// the framework's problem writer declines such a request, and its error becomes the site's HTML error page or a
/// plain-text status line.
/// </summary>
internal sealed class JsonApiAcceptMiddleware(RequestDelegate next)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    public Task InvokeAsync(HttpContext context)
    {
        if (ApiPaths.IsApi(context.Request.Path) && !AcceptsJson(context.Request))
            context.Request.Headers.Accept = Json.ToString();
        return next(context);
    }

    /// <summary>As the framework's problem writer reads it: no header (or none it can parse) accepts anything.</summary>
    private static bool AcceptsJson(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        return accepted.Count == 0 || accepted.Any(value => Json.IsSubsetOf(value) || ProblemJson.IsSubsetOf(value));
    }
}
