using Overholt.Application.Paging;

namespace Overholt.Web.Api;

/// <summary>Every successful body is wrapped as <c>{"data": ...}</c>, as the original API did.</summary>
public sealed record Envelope<T>(T Data);

/// <summary>Wraps a result or a page in its envelope.</summary>
public static class Envelope
{
    public static Envelope<T> Of<T>(T data) => new(data);

    public static ListEnvelope<T> Of<T>(Page<T> page) => new(page.Items, new PageMeta(page.PageNumber, page.PageSize, page.Total));
}
