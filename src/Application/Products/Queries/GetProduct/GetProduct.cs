using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Queries.GetProduct;

[AllowSignedInUsers]
public sealed record GetProduct(int ProductId) : IQuery<Versioned<ProductDto>>, ICatalogueQuery
{
    public string CacheKey => CatalogueKey.One(nameof(GetProduct), ProductId);

    /// <summary>The product with its categories' ids (its row and its <c>products_categories</c>), and those categories' names.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => [CatalogueDependency.One(CatalogueData.Products, ProductId), CatalogueDependency.AnyOf(CatalogueData.Categories)];
}

public sealed class GetProductHandler(IReadRepository<Product> products) : IQueryHandler<GetProduct, Versioned<ProductDto>>
{
    public async ValueTask<Versioned<ProductDto>> Handle(GetProduct query, CancellationToken cancellationToken) =>
        await products.ProjectByIdAsync<Versioned<ProductDto>>(query.ProductId, cancellationToken)
            ?? throw new NotFoundException(nameof(Product), query.ProductId);
}
