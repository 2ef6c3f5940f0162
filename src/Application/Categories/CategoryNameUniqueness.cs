using Overholt.Application.Categories.Specifications;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories;

/// <summary>Category names are unique: the one check, for a new category and for a renamed one.</summary>
public static class CategoryNameUniqueness
{
    /// <summary>A conflict when a category other than <paramref name="exceptCategoryId"/> already has <paramref name="name"/> (trimmed).</summary>
    public static async Task EnsureNameIsFreeAsync(this IRepository<Category> categories, string name, int? exceptCategoryId, CancellationToken cancellationToken)
    {
        if (await categories.AnyAsync(new CategoryNamedSpec(name, exceptCategoryId), cancellationToken))
            throw new ConflictException($"A category named '{name.Trim()}' already exists");
    }
}
