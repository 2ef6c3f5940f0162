using Overholt.Application.Paging;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories;

/// <summary>What the list of categories may be sorted by; by name unless the client says otherwise.</summary>
public static class CategorySorting
{
    public static readonly SortFields<Category> Fields = new("name", ("name", category => category.Name));
}
