using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>The products a store carries, optionally those whose name contains <c>search</c>, by name.</summary>
public sealed class ProductsCarriedBySpec : Specification<Product>
{
    public ProductsCarriedBySpec(int storeId, string? search = null)
    {
        Query.Where(product => product.CarriedBy.Any(carried => carried.StoreId == storeId));
        if (!string.IsNullOrWhiteSpace(search))
            Query.Search(product => product.Name, SearchPattern.Containing(search));
        Query.OrderBy(product => product.Name).ThenBy(product => product.Id).AsSplitQuery();
    }
}
