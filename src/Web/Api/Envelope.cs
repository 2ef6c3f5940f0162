using Overholt.Application.Paging;

namespace Overholt.Web.Api;

/// <summary>Every successful body is wrapped as <c>{"data": ...}</c>, as the original API did.</summary>
public sealed record Envelope<T>(T Data);

/// <summary>A page of a list: <c>{"data": [...], "meta": {"page": 1, "page_size": 50, "total": 123}}</c>.</summary>
public sealed record ListEnvelope<T>(IReadOnlyList<T> Data, PageMeta Meta);

public sealed record PageMeta(int Page, int PageSize, int Total);

public static class Envelope
{
    public static Envelope<T> Of<T>(T data) => new(data);

    public static ListEnvelope<T> Of<T>(Page<T> page) => new(page.Items, new PageMeta(page.PageNumber, page.PageSize, page.Total));
}
