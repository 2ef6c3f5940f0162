using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ListStores;

/// <summary>
/// A page of stores: <c>Search</c> matches names and cities; <c>State</c> and <c>City</c> match the whole value;
/// <c>CarriesProductId</c> and <c>ManagedByUserId</c> keep the stores carrying that product or managed by that user
/// (an id nothing has gives an empty page); <c>Sort</c> is one of <see cref="StoreSorting"/>'s.
/// </summary>
[AllowSignedInUsers]
public sealed record ListStores(
    int Page = 1,
    int PageSize = IPagedRequest.DefaultPageSize,
    string? Search = null,
    string? Sort = null,
    string? State = null,
    string? City = null,
    int? CarriesProductId = null,
    int? ManagedByUserId = null)
    : IQuery<Page<StoreDto>>, ISearchRequest, IStoreListFilter, ICatalogueQuery
{
    public bool IsFiltered => !string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(City) || CarriesProductId is not null || ManagedByUserId is not null;

    public string? CacheKey => CatalogueKey.Page(nameof(ListStores), this, Sort, IsFiltered);

    /// <summary>Which stores are on the page, the names of the products they carry, and their managers' emails.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => StoresDependencies;

    private static readonly IReadOnlyList<CatalogueDependency> StoresDependencies =
        [CatalogueDependency.AnyOf(CatalogueData.Stores), CatalogueDependency.AnyOf(CatalogueData.Products), CatalogueDependency.AnyOf(CatalogueData.Users)];
}

public sealed class ListStoresHandler(IReadRepository<Store> stores, IUserDirectory users) : IQueryHandler<ListStores, Page<StoreDto>>
{
    public async ValueTask<Page<StoreDto>> Handle(ListStores query, CancellationToken cancellationToken)
    {
        var spec = new StoresInOrderSpec(query.Search, query.Sort, query.State, query.City, query.CarriesProductId, query.ManagedByUserId);
        var page = await stores.ProjectToPageAsync<StoreDto>(spec, query, cancellationToken);
        await users.FillManagerEmailsAsync(page.Items, cancellationToken);
        return page;
    }
}

public sealed class ListStoresValidator : SearchRequestValidator<ListStores>
{
    public ListStoresValidator() => Include(new StoreListFilterRules());
}
