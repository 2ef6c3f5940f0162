using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>
/// Products, optionally those whose name contains <c>search</c> and those in a category, ordered by
/// <see cref="ProductSorting"/> (by name unless <c>sort</c> says).
/// </summary>
public sealed class ProductsInOrderSpec : Specification<Product>
{
    public ProductsInOrderSpec(string? search = null, string? sort = null, int? inCategoryId = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
            Query.Search(product => product.Name, SearchPattern.Containing(search));
        if (inCategoryId is { } categoryId)
            Query.Where(product => product.Categories.Any(category => category.Id == categoryId));
        ProductSorting.Fields.Apply(Query, sort);
        Query.AsSplitQuery();
    }
}
