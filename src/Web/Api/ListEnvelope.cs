namespace Overholt.Web.Api;

/// <summary>A page of a list: <c>{"data": [...], "meta": {"page": 1, "page_size": 50, "total": 123}}</c>.</summary>
public sealed record ListEnvelope<T>(IReadOnlyList<T> Data, PageMeta Meta);
