using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Queries.GetProduct;

public sealed record GetProduct(int ProductId) : IQuery<ProductDto>;

public sealed class GetProductHandler(IReadRepository<Product> products) : IQueryHandler<GetProduct, ProductDto>
{
    public async ValueTask<ProductDto> Handle(GetProduct query, CancellationToken cancellationToken) =>
        await products.ProjectToFirstOrDefaultAsync<ProductDto>(new ByIdSpec<Product>(query.ProductId), cancellationToken)
            ?? throw new NotFoundException(nameof(Product), query.ProductId);
}
