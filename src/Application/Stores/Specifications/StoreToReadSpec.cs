using Ardalis.Specification;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Specifications;

/// <summary>One store for reading, its two collections fetched by separate statements rather than one cross-joined result.</summary>
public sealed class StoreToReadSpec : Specification<Store>, ISingleResultSpecification<Store>
{
    public StoreToReadSpec(int storeId) => Query.Where(store => store.Id == storeId).AsSplitQuery();
}
