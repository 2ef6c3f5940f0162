using System.Globalization;
using Overholt.Application.Paging;

namespace Overholt.Application.Caching;

/// <summary>Cache keys of the catalogue queries: the query's name and what selects its answer.</summary>
public static class CatalogueKey
{
    public static string One(string query, int id) => string.Create(CultureInfo.InvariantCulture, $"{query}:{id}");

    /// <summary>
    /// An unfiltered page of one of the sizes the app itself asks for, in its default order or by one field
    /// (<see cref="SortOrder.CacheableSpelling"/>), searched or not; none for other sizes, a filter or a longer sort.
    /// Keeping only those bounds the copies of a list in memory: with every size allowed, a client walking all of them
    /// would hold 200 copies of the catalogue, and a filter by id or a sort of several fields has as many answers as
    /// there are ids or orders. Search texts are as many as clients care to send: their answers are kept apart
    /// (<see cref="CacheShare.Searches"/>), under the text as the database compares it (trimmed, lower-cased).
    /// </summary>
    public static string? Page(string query, ISearchRequest request, string? sort = null, bool filtered = false) =>
        !filtered && IsKeptPageSize(request.PageSize) && SortOrder.CacheableSpelling(sort) is { } order
            ? IsSearch(request)
                ? string.Create(CultureInfo.InvariantCulture, $"{query}:{request.PageSize}:{request.Page}:{order}?{request.Search!.Trim().ToLowerInvariant()}")
                : string.Create(CultureInfo.InvariantCulture, $"{query}:{request.PageSize}:{request.Page}:{order}")
            : null;

    /// <summary>Where <paramref name="query"/>'s answer is kept: a search's apart from the rest.</summary>
    public static CacheShare ShareOf(object query) => query is ISearchRequest request && IsSearch(request) ? CacheShare.Searches : CacheShare.Catalogue;

    private static bool IsSearch(ISearchRequest request) => !string.IsNullOrWhiteSpace(request.Search);

    /// <summary>The API's default page, the admin pages' lists, and the largest page that forms ask for to offer every choice.</summary>
    public static bool IsKeptPageSize(int pageSize) =>
        pageSize is IPagedRequest.DefaultPageSize or IPagedRequest.AdminListPageSize or IPagedRequest.MaxPageSize;
}
