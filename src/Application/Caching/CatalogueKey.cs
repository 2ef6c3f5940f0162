using System.Globalization;
using Overholt.Application.Paging;

namespace Overholt.Application.Caching;

/// <summary>Cache keys of the catalogue queries: the query's name and what selects its answer.</summary>
public static class CatalogueKey
{
    public static string One(string query, int id) => string.Create(CultureInfo.InvariantCulture, $"{query}:{id}");

    /// <summary>
    /// An unsearched page of one of the sizes the app itself asks for; none for other sizes or a search. Keeping only
    /// those sizes bounds the copies of a list in memory at three: with every size allowed, a client walking all of
    /// them would hold 200 copies of the catalogue.
    /// </summary>
    public static string? Page(string query, ISearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Search) && IsKeptPageSize(request.PageSize)
            ? string.Create(CultureInfo.InvariantCulture, $"{query}:{request.PageSize}:{request.Page}")
            : null;

    /// <summary>The API's default page, the admin pages' lists, and the largest page that forms ask for to offer every choice.</summary>
    public static bool IsKeptPageSize(int pageSize) =>
        pageSize is IPagedRequest.DefaultPageSize or IPagedRequest.AdminListPageSize or IPagedRequest.MaxPageSize;
}
