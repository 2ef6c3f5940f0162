using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Stores.Specifications;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores;

/// <summary>Loads a store for change, or reports it missing.</summary>
public static class StoreLoading
{
    public static async Task<Store> GetWithMembersAsync(this IRepository<Store> stores, int storeId, CancellationToken cancellationToken) =>
        await stores.FirstOrDefaultAsync(new StoreWithMembersSpec(storeId), cancellationToken)
            ?? throw new NotFoundException(nameof(Store), storeId);

    public static async Task EnsureExistsAsync(this IReadRepository<Store> stores, int storeId, CancellationToken cancellationToken)
    {
        if (!await stores.AnyAsync(new ByIdSpec<Store>(storeId), cancellationToken))
            throw new NotFoundException(nameof(Store), storeId);
    }
}
