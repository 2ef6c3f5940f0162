using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;

namespace Overholt.Infrastructure.Persistence;

/// <summary>The one way a query becomes a page: the requested slice of the ordered query, and the count of every match.</summary>
internal static class PagingExtensions
{
    /// <summary>
    /// Reads the page first. A page with fewer items than it holds is the last, so its position is the count and the
    /// count's statement is not sent: a search that matches little (most do) or a short list costs one round trip.
    /// </summary>
    /// <param name="shaped">The matches, ordered and shaped as the page's items.</param>
    /// <param name="matches">The same matches as they are counted: filtered only, so the count does not carry the shaping.</param>
    /// <param name="page">Which page, and how many items a page holds.</param>
    /// <param name="cancellationToken">Ends the reads when the request is abandoned.</param>
    public static async Task<Page<T>> ToPageAsync<T, TMatch>(this IQueryable<T> shaped, IQueryable<TMatch> matches, IPagedRequest page, CancellationToken cancellationToken)
    {
        var skipped = (page.Page - 1) * page.PageSize;
        var items = await shaped.Skip(skipped).Take(page.PageSize).ToListAsync(cancellationToken);
        var endsTheMatches = items.Count < page.PageSize && (items.Count > 0 || skipped == 0);
        var total = endsTheMatches ? skipped + items.Count : await matches.CountAsync(cancellationToken);
        return new Page<T>(items, page.Page, page.PageSize, total);
    }
}
