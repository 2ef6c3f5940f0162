using Ardalis.Specification;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Specifications;

/// <summary>A store loaded for change, with the ids of its products and managers (the rules need nothing more).</summary>
public sealed class StoreWithMembersSpec : Specification<Store>, ISingleResultSpecification<Store>
{
    public StoreWithMembersSpec(int storeId) =>
        Query.Where(store => store.Id == storeId)
            .Include(store => store.Products)
            .Include(store => store.Managers)
            .AsSplitQuery();
}
