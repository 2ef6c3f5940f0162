using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Specifications;

/// <summary>Categories, optionally those whose name contains <c>search</c>, ordered by <see cref="CategorySorting"/> (by name unless <c>sort</c> says).</summary>
public sealed class CategoriesInOrderSpec : Specification<Category>
{
    public CategoriesInOrderSpec(string? search = null, string? sort = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
            Query.Search(category => category.Name, SearchPattern.Containing(search));
        CategorySorting.Fields.Apply(Query, sort);
    }
}
