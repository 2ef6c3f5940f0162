using System.Globalization;
using Overholt.Application.Paging;

namespace Overholt.Application.Caching;

/// <summary>Cache keys of the catalogue queries: the query's name and what selects its answer.</summary>
public static class CatalogueKey
{
    public static string One(string query, int id) => string.Create(CultureInfo.InvariantCulture, $"{query}:{id}");

    /// <summary>A page of a list; none for a search.</summary>
    public static string? Page(string query, ISearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Search)
            ? string.Create(CultureInfo.InvariantCulture, $"{query}:{request.Page}:{request.PageSize}")
            : null;
}
