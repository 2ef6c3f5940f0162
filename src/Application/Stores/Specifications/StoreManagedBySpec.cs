using Ardalis.Specification;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Specifications;

/// <summary>The store, if the user manages it.</summary>
public sealed class StoreManagedBySpec : Specification<Store>
{
    public StoreManagedBySpec(int storeId, int userId) =>
        Query.Where(store => store.Id == storeId && store.Managers.Any(manager => manager.UserId == userId));
}
