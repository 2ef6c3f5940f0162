using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.GetStore;

[AllowSignedInUsers]
public sealed record GetStore(int StoreId) : IQuery<Versioned<StoreDto>>, ICatalogueQuery
{
    public string CacheKey => CatalogueKey.One(nameof(GetStore), StoreId);

    /// <summary>
    /// The store (its row, <c>stores_products</c>, <c>stores_managers</c>), the names of the products it carries (any:
    /// which ones is known only once read), and its managers' emails.
    /// </summary>
    public IReadOnlyList<CatalogueDependency> Dependencies =>
        [CatalogueDependency.One(CatalogueData.Stores, StoreId), CatalogueDependency.AnyOf(CatalogueData.Products), CatalogueDependency.AnyOf(CatalogueData.Users)];
}

public sealed class GetStoreHandler(IReadRepository<Store> stores, IUserDirectory users) : IQueryHandler<GetStore, Versioned<StoreDto>>
{
    public async ValueTask<Versioned<StoreDto>> Handle(GetStore query, CancellationToken cancellationToken)
    {
        var store = await stores.ProjectToFirstOrDefaultAsync<Versioned<StoreDto>>(new StoreToReadSpec(query.StoreId), cancellationToken)
            ?? throw new NotFoundException(nameof(Store), query.StoreId);
        await users.FillManagerEmailsAsync([store.Value], cancellationToken);
        return store;
    }
}
