using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Specifications;

/// <summary>All stores, optionally those whose name or city contains <c>search</c>, by name.</summary>
public sealed class StoresInOrderSpec : Specification<Store>
{
    public StoresInOrderSpec(string? search = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchPattern.Containing(search);
            Query.Search(store => store.Name, pattern).Search(store => store.City, pattern);
        }

        // Split so that a page costs the same few statements whatever its size, with no row explosion from two collections.
        Query.OrderBy(store => store.Name).ThenBy(store => store.Id).AsSplitQuery();
    }
}
