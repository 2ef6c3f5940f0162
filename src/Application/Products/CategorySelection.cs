using Overholt.Application.Categories.Specifications;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.Application.Products;

/// <summary>Turns the category ids a client sent into categories, refusing ids that do not exist.</summary>
public static class CategorySelection
{
    public static async Task<List<Category>> ResolveAsync(this IRepository<Category> categories, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = await categories.ListAsync(new CategoriesByIdsSpec(wanted), cancellationToken);
        var missing = wanted.Except(found.Select(category => category.Id)).ToList();
        if (missing.Count > 0)
            throw RequestValidationException.ForField(nameof(ProductDto.Categories), $"Unknown category id(s): {string.Join(", ", missing)}");
        return found;
    }
}
