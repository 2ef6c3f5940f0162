using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Products.Specifications;
using Overholt.Application.Security;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Queries.ListProducts;

[AllowSignedInUsers]
public sealed record ListProducts(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<ProductDto>>, ISearchRequest, ICatalogueQuery
{
    public string? CacheKey => CatalogueKey.Page(nameof(ListProducts), this);
}

public sealed class ListProductsHandler(IReadRepository<Product> products) : IQueryHandler<ListProducts, Page<ProductDto>>
{
    public async ValueTask<Page<ProductDto>> Handle(ListProducts query, CancellationToken cancellationToken) =>
        await products.ProjectToPageAsync<ProductDto>(new ProductsInOrderSpec(query.Search), query, cancellationToken);
}

public sealed class ListProductsValidator : SearchRequestValidator<ListProducts>;
