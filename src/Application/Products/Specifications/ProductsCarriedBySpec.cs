using Ardalis.Specification;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>The products a store carries, by name.</summary>
public sealed class ProductsCarriedBySpec : Specification<Product>
{
    public ProductsCarriedBySpec(int storeId) =>
        Query.Where(product => product.CarriedBy.Any(carried => carried.StoreId == storeId))
            .OrderBy(product => product.Name).ThenBy(product => product.Id)
            .AsSplitQuery();
}
