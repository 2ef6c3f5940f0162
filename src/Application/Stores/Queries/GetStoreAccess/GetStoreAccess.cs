using Mediator;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Queries.GetStoreAccess;

/// <summary>What the signed-in user may do to a store, so pages offer only that (the pipeline decides again on each command).</summary>
[AllowSignedInUsers]
public sealed record GetStoreAccess(int StoreId) : IQuery<StoreAccess>;

/// <param name="CanChange">Change the details and the products: admins and the store's managers.</param>
/// <param name="CanAdminister">Delete the store and choose its managers: admins.</param>
public sealed record StoreAccess(bool CanChange, bool CanAdminister);

public sealed class GetStoreAccessHandler(ICurrentUser currentUser, IReadRepository<Store> stores) : IQueryHandler<GetStoreAccess, StoreAccess>
{
    public async ValueTask<StoreAccess> Handle(GetStoreAccess query, CancellationToken cancellationToken)
    {
        if (currentUser.IsInRole(Roles.Admin))
            return new StoreAccess(CanChange: true, CanAdminister: true);
        var manages = currentUser.Id is { } userId && await stores.AnyAsync(new StoreManagedBySpec(query.StoreId, userId), cancellationToken);
        return new StoreAccess(CanChange: manages, CanAdminister: false);
    }
}
