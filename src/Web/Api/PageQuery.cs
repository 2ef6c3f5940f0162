using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Paging;

namespace Overholt.Web.Api;

/// <summary>The page of a list: <c>?page=1&amp;page_size=50</c>, described for the OpenAPI document.</summary>
public record PageQuery
{
    [Description("The page to return, from 1.")]
    [FromQuery(Name = "page")]
    public int Page { get; init; } = 1;

    [Description("Items on a page, from 1 to 200 (50 when absent).")]
    [FromQuery(Name = "page_size")]
    public int PageSize { get; init; } = IPagedRequest.DefaultPageSize;
}
