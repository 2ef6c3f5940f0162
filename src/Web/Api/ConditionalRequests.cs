using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Overholt.Application.Concurrency;

namespace Overholt.Web.Api;

/// <summary>
/// HTTP conditional requests (RFC 9110) on single resources. The ETag is the resource's version, which moves on with
/// every change to it (for a store: its details, the products it carries, its managers). <c>GET</c> with a current
/// <c>If-None-Match</c> is 304; <c>PUT</c>/<c>DELETE</c> with an <c>If-Match</c> that is not current is 412.
/// </summary>
public static class ConditionalRequests
{
    public static string ETagFor(int version) => $"\"{version}\"";

    /// <summary>The resource as the response body, with its ETag; 304 for a GET whose <c>If-None-Match</c> names it.</summary>
    public static ActionResult<Envelope<T>> Representation<T>(this ControllerBase controller, Versioned<T> resource)
    {
        controller.Response.Headers.ETag = ETagFor(resource.Version);
        if (HttpMethods.IsGet(controller.Request.Method) && NoneMatch(controller.Request, resource.Version))
            return controller.StatusCode(StatusCodes.Status304NotModified);
        return Envelope.Of(resource.Value);
    }

    /// <summary>
    /// <c>If-Match</c> as the versions a change may apply to: null when absent or <c>*</c> (any current version). Weak or
    /// unreadable tags match nothing, as strong comparison requires.
    /// </summary>
    public static VersionCondition? IfMatch(this HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
            return null;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
            return new VersionCondition(new HashSet<int>());
        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
            return null;
        return new VersionCondition(tags.Where(tag => !tag.IsWeak).Select(VersionOf).OfType<int>().ToHashSet());
    }

    private static bool NoneMatch(HttpRequest request, int version) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || VersionOf(tag) == version); // weak comparison

    private static int? VersionOf(EntityTagHeaderValue tag) =>
        int.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
}
