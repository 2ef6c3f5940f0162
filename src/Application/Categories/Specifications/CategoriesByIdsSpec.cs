using Ardalis.Specification;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Specifications;

public sealed class CategoriesByIdsSpec : Specification<Category>
{
    public CategoriesByIdsSpec(IReadOnlyCollection<int> ids) => Query.Where(category => ids.Contains(category.Id));
}
