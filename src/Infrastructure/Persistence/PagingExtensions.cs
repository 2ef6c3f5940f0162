using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;

namespace Overholt.Infrastructure.Persistence;

/// <summary>The one way a query becomes a page: the count of every match, then the requested slice of the ordered query.</summary>
internal static class PagingExtensions
{
    /// <param name="shaped">The matches, ordered and shaped as the page's items.</param>
    /// <param name="matches">The same matches as they are counted: filtered only, so the count does not carry the shaping.</param>
    /// <param name="page">Which page, and how many items a page holds.</param>
    /// <param name="cancellationToken">Ends the reads when the request is abandoned.</param>
    public static async Task<Page<T>> ToPageAsync<T, TMatch>(this IQueryable<T> shaped, IQueryable<TMatch> matches, IPagedRequest page, CancellationToken cancellationToken)
    {
        var total = await matches.CountAsync(cancellationToken);
        var items = await shaped.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, page.Page, page.PageSize, total);
    }
}
