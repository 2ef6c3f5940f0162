using Overholt.Application.Paging;

namespace Overholt.Web.Pages.Models;

/// <summary>A list page: one page of items, the search that found them, and whether the user may add one.</summary>
public sealed record ListPage<T>(Page<T> Page, string? Search, bool CanCreate)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Page.Total / (double)Page.PageSize));
}
