using Overholt.Application.Paging;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores;

/// <summary>What the list of stores may be sorted by; by name unless the client says otherwise.</summary>
public static class StoreSorting
{
    public static readonly SortFields<Store> Fields = new(
        "name",
        ("name", store => store.Name),
        ("city", store => store.City),
        ("state", store => store.State),
        ("zip_code", store => store.ZipCode));
}
