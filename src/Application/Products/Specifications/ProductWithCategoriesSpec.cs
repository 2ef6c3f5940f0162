using Ardalis.Specification;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>A product loaded for change, with its categories.</summary>
public sealed class ProductWithCategoriesSpec : Specification<Product>, ISingleResultSpecification<Product>
{
    public ProductWithCategoriesSpec(int productId) =>
        Query.Where(product => product.Id == productId).Include(product => product.Categories);
}
