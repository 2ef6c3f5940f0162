using System.Globalization;
using Overholt.Application.Paging;

namespace Overholt.Application.Caching;

/// <summary>Cache keys of the catalogue queries: the query's name and what selects its answer.</summary>
public static class CatalogueKey
{
    public static string One(string query, int id) => string.Create(CultureInfo.InvariantCulture, $"{query}:{id}");

    /// <summary>
    /// A page of the default size; none for other sizes or a search. One page size keeps one copy of each list in
    /// memory: with every size allowed, a client walking all of them would hold 200 copies of the catalogue.
    /// </summary>
    public static string? Page(string query, ISearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Search) && request.PageSize == IPagedRequest.DefaultPageSize
            ? string.Create(CultureInfo.InvariantCulture, $"{query}:{request.Page}")
            : null;
}
