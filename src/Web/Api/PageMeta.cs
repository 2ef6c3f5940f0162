namespace Overholt.Web.Api;

/// <summary>Where a page sits in its list: <c>{"page": 1, "page_size": 50, "total": 123}</c>.</summary>
public sealed record PageMeta(int Page, int PageSize, int Total);
