using Ardalis.Specification;
using Overholt.Application.Persistence;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Specifications;

/// <summary>
/// Stores, optionally narrowed: a name or city containing <c>search</c>, in a state or city (the whole value, ignoring
/// case), carrying a product, managed by a user. Ordered by <see cref="StoreSorting"/> (by name unless <c>sort</c> says).
/// </summary>
public sealed class StoresInOrderSpec : Specification<Store>
{
    public StoresInOrderSpec(string? search = null, string? sort = null, string? state = null, string? city = null, int? carriesProductId = null, int? managedByUserId = null)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchPattern.Containing(search);
            Query.Search(store => store.Name, pattern).Search(store => store.City, pattern);
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            var wanted = state.Trim().ToLowerInvariant();
            Query.Where(store => store.State.ToLower() == wanted);
        }

        if (!string.IsNullOrWhiteSpace(city))
        {
            var wanted = city.Trim().ToLowerInvariant();
            Query.Where(store => store.City.ToLower() == wanted);
        }

        if (carriesProductId is { } productId)
            Query.Where(store => store.Products.Any(carried => carried.ProductId == productId));
        if (managedByUserId is { } userId)
            Query.Where(store => store.Managers.Any(manager => manager.UserId == userId));

        StoreSorting.Fields.Apply(Query, sort);
        // Split so that a page costs the same few statements whatever its size, with no row explosion from two collections.
        Query.AsSplitQuery();
    }
}
