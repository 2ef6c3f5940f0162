using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores;

/// <summary>Admins may do anything to a store; its managers may change it; everyone else may only read it.</summary>
public sealed class StoreAccessRule(ICurrentUser currentUser, IReadRepository<Store> stores) : IStoreAccess
{
    public async Task<StoreRole> RoleInAsync(int storeId, CancellationToken cancellationToken)
    {
        if (currentUser.IsInRole(Roles.Admin))
            return StoreRole.Admin;
        if (currentUser.Id is { } userId && await stores.AnyAsync(new StoreManagedBySpec(storeId, userId), cancellationToken))
            return StoreRole.Manager;
        return await stores.AnyAsync(new ByIdSpec<Store>(storeId), cancellationToken) ? StoreRole.Outsider : StoreRole.NoSuchStore;
    }
}
