using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Paging;

namespace Overholt.Web.Api;

/// <summary>The query string of every list endpoint: <c>?page=1&amp;page_size=50&amp;search=...</c>, described for the OpenAPI document.</summary>
public sealed record ListQuery
{
    [Description("The page to return, from 1.")]
    [FromQuery(Name = "page")]
    public int Page { get; init; } = 1;

    [Description("Items on a page, from 1 to 200 (50 when absent).")]
    [FromQuery(Name = "page_size")]
    public int PageSize { get; init; } = IPagedRequest.DefaultPageSize;

    [Description("Only items containing this text (matched literally, ignoring case).")]
    [FromQuery(Name = "search")]
    public string? Search { get; init; }
}
