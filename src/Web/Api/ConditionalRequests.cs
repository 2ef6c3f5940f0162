using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Overholt.Application.Concurrency;

namespace Overholt.Web.Api;

/// <summary>
/// HTTP conditional requests (RFC 9110) on single resources. The ETag is <c>"version-digest"</c>: the resource's
/// version, which moves on with every change to it (for a store: its details, the products it carries, its managers)
/// and is what <c>If-Match</c> guards, and a digest of the representation, which changes whenever anything the answer
/// embeds does (a product's name on a store, a category's on a product, a manager's email). <c>GET</c> with a current
/// <c>If-None-Match</c> is 304; <c>PUT</c>/<c>DELETE</c> with an <c>If-Match</c> whose version is not current is 412.
/// </summary>
public static class ConditionalRequests
{
    public static string ETagFor(int version, ReadOnlySpan<byte> representation) =>
        $"\"{version}-{Convert.ToHexStringLower(SHA256.HashData(representation)[..8])}\"";

    /// <summary>The resource as the response body, with its ETag; 304 for a GET whose <c>If-None-Match</c> names it.</summary>
    public static ActionResult<Envelope<T>> Representation<T>(this ControllerBase controller, Versioned<T> resource)
    {
        var representation = Serialized(controller, resource);
        controller.Response.Headers.ETag = representation.Tag;
        if (HttpMethods.IsGet(controller.Request.Method) && NoneMatch(controller.Request, representation.Tag))
            return controller.StatusCode(StatusCodes.Status304NotModified);
        return representation;
    }

    /// <summary>201 with the new resource as the body, its ETag, and a <c>Location</c> naming the action that reads it.</summary>
    public static ActionResult<Envelope<T>> CreatedRepresentation<T>(this ControllerBase controller, string readAction, object routeValues, Versioned<T> resource)
    {
        var representation = Serialized(controller, resource);
        controller.Response.Headers.ETag = representation.Tag;
        controller.Response.Headers.Location = controller.Url.Action(readAction, null, routeValues, controller.Request.Scheme, controller.Request.Host.ToUriComponent())
            ?? throw new InvalidOperationException($"No route reads what {readAction} names.");
        return representation.With(StatusCodes.Status201Created);
    }

    /// <summary>
    /// The JSON and tag of an answer, made once per answer object and kept on it (<see cref="Versioned{T}.KeptRepresentation"/>):
    /// an answer the node keeps in its read cache is serialized when first sent, and every read of it after that sends
    /// the same bytes. Kept on the answer rather than in a weak table beside it: each entry of such a table is a GC
    /// handle, one more for every answer sent, that every collection has to scan until the table is compacted.
    /// </summary>
    private static SerializedRepresentation Serialized<T>(ControllerBase controller, Versioned<T> resource)
    {
        if (resource.KeptRepresentation() is SerializedRepresentation kept)
            return kept;
        var json = JsonSerializer.SerializeToUtf8Bytes(Envelope.Of(resource.Value), JsonOptions(controller));
        var representation = new SerializedRepresentation(json, ETagFor(resource.Version, json));
        resource.Keep(representation);
        return representation;
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

    private static bool NoneMatch(HttpRequest request, string current) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(current, StringComparison.Ordinal)); // weak comparison

    /// <summary>The version a tag names: the part before the digest (a bare <c>"7"</c>, as tags were before, still reads).</summary>
    private static int? VersionOf(EntityTagHeaderValue tag)
    {
        var text = tag.Tag.AsSpan().Trim('"');
        var dash = text.IndexOf('-');
        return int.TryParse(dash < 0 ? text : text[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static JsonSerializerOptions JsonOptions(ControllerBase controller) =>
        controller.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

    /// <summary>An envelope serialized once, written as it is: the same bytes MVC's JSON formatter would write.</summary>
    private sealed class SerializedRepresentation(byte[] json, string tag, int status = StatusCodes.Status200OK) : ActionResult
    {
        public string Tag => tag;

        public SerializedRepresentation With(int otherStatus) => new(json, tag, otherStatus);

        public override Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json).AsTask();
        }
    }
}
