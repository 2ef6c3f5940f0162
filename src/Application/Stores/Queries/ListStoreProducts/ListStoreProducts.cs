using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Products;
using Overholt.Application.Products.Specifications;
using Overholt.Application.Security;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ListStoreProducts;

/// <summary>The products a store carries, by name; <c>Search</c> narrows them.</summary>
[AllowSignedInUsers]
public sealed record ListStoreProducts(int StoreId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<ProductDto>>, ISearchRequest;

public sealed class ListStoreProductsHandler(IReadRepository<Store> stores, IReadRepository<Product> products)
    : IQueryHandler<ListStoreProducts, Page<ProductDto>>
{
    public async ValueTask<Page<ProductDto>> Handle(ListStoreProducts query, CancellationToken cancellationToken)
    {
        await stores.EnsureExistsAsync(query.StoreId, cancellationToken);
        return await products.ProjectToPageAsync<ProductDto>(new ProductsCarriedBySpec(query.StoreId, query.Search), query, cancellationToken);
    }
}

public sealed class ListStoreProductsValidator : SearchRequestValidator<ListStoreProducts>;
