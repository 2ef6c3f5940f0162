using Ardalis.Specification;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Specifications;

/// <summary>Another category with this name, for the uniqueness check.</summary>
public sealed class CategoryNamedSpec : Specification<Category>
{
    public CategoryNamedSpec(string name, int? exceptId)
    {
        var trimmed = name.Trim();
        Query.Where(category => category.Name == trimmed);
        if (exceptId is { } id)
            Query.Where(category => category.Id != id);
    }
}
