using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Paging;

namespace Overholt.Web.Api;

/// <summary>The query string of every list endpoint: <c>?page=1&amp;page_size=50&amp;search=...</c>.</summary>
public sealed record ListQuery
{
    [FromQuery(Name = "page")]
    public int Page { get; init; } = 1;

    [FromQuery(Name = "page_size")]
    public int PageSize { get; init; } = IPagedRequest.DefaultPageSize;

    [FromQuery(Name = "search")]
    public string? Search { get; init; }
}
