using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Products.Specifications;
using Overholt.Application.Security;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Queries.ListProducts;

/// <summary>
/// A page of products: <c>Search</c> matches names, <c>InCategoryId</c> keeps one category's (an id no category has
/// gives an empty page), <c>Sort</c> is one of <see cref="ProductSorting"/>'s.
/// </summary>
[AllowSignedInUsers]
public sealed record ListProducts(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null, string? Sort = null, int? InCategoryId = null)
    : IQuery<Page<ProductDto>>, ISearchRequest, IProductListFilter, ICatalogueQuery
{
    public string? CacheKey => CatalogueKey.Page(nameof(ListProducts), this, Sort, filtered: InCategoryId is not null);

    /// <summary>Which products are on the page (any may come or go), with their categories.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => ProductsDependencies;

    private static readonly IReadOnlyList<CatalogueDependency> ProductsDependencies =
        [CatalogueDependency.AnyOf(CatalogueData.Products), CatalogueDependency.AnyOf(CatalogueData.Categories)];
}

public sealed class ListProductsHandler(IReadRepository<Product> products) : IQueryHandler<ListProducts, Page<ProductDto>>
{
    public async ValueTask<Page<ProductDto>> Handle(ListProducts query, CancellationToken cancellationToken) =>
        await products.ProjectToPageAsync<ProductDto>(new ProductsInOrderSpec(query.Search, query.Sort, query.InCategoryId), query, cancellationToken);
}

public sealed class ListProductsValidator : SearchRequestValidator<ListProducts>
{
    public ListProductsValidator() => Include(new ProductListFilterRules());
}
