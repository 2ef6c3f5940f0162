using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Specifications;

/// <summary>
/// Products, optionally those whose name contains <c>search</c> and those in a category, ordered by
/// <see cref="ProductSorting"/> (by name unless <c>sort</c> says). A page and its categories are one statement on
/// PostgreSQL (one collection: no rows multiplied by another's), so the search runs once, not again for the categories;
/// SQLite splits every query (its provider configuration says why).
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
    }
}
