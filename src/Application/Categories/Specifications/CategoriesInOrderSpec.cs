using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Specifications;

/// <summary>All categories, optionally those whose name contains <c>search</c>, by name.</summary>
public sealed class CategoriesInOrderSpec : Specification<Category>
{
    public CategoriesInOrderSpec(string? search = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
            Query.Search(category => category.Name, SearchPattern.Containing(search));
        Query.OrderBy(category => category.Name).ThenBy(category => category.Id);
    }
}
