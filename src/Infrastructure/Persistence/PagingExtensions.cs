using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;

namespace Overholt.Infrastructure.Persistence;

/// <summary>The one way a query becomes a page: the count of every match, then the requested slice of the ordered query.</summary>
internal static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, IPagedRequest page, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, page.Page, page.PageSize, total);
    }
}
