using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ListStores;

[AllowSignedInUsers]
public sealed record ListStores(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<StoreDto>>, ISearchRequest, ICatalogueQuery
{
    public string? CacheKey => CatalogueKey.Page(nameof(ListStores), this);
}

public sealed class ListStoresHandler(IReadRepository<Store> stores, IUserDirectory users) : IQueryHandler<ListStores, Page<StoreDto>>
{
    public async ValueTask<Page<StoreDto>> Handle(ListStores query, CancellationToken cancellationToken)
    {
        var page = await stores.ProjectToPageAsync<StoreDto>(new StoresInOrderSpec(query.Search), query, cancellationToken);
        await users.FillManagerEmailsAsync(page.Items, cancellationToken);
        return page;
    }
}

public sealed class ListStoresValidator : SearchRequestValidator<ListStores>;
