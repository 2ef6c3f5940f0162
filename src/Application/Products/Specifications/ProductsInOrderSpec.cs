using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>All products, optionally those whose name contains <c>search</c>, by name.</summary>
public sealed class ProductsInOrderSpec : Specification<Product>
{
    public ProductsInOrderSpec(string? search = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
            Query.Search(product => product.Name, SearchPattern.Containing(search));
        Query.OrderBy(product => product.Name).ThenBy(product => product.Id).AsSplitQuery();
    }
}
