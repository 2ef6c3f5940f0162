using Mediator;
using Overholt.Application.Security;

namespace Overholt.Application.Stores.Queries.GetStoreAccess;

/// <summary>What the signed-in user may do to a store, so pages offer only that (the pipeline decides again on each command).</summary>
[AllowSignedInUsers]
public sealed record GetStoreAccess(int StoreId) : IQuery<StoreAccess>;

/// <param name="CanChange">Change the details and the products: admins and the store's managers.</param>
/// <param name="CanAdminister">Delete the store and choose its managers: admins.</param>
public sealed record StoreAccess(bool CanChange, bool CanAdminister);

public sealed class GetStoreAccessHandler(IStoreAccess storeAccess) : IQueryHandler<GetStoreAccess, StoreAccess>
{
    public async ValueTask<StoreAccess> Handle(GetStoreAccess query, CancellationToken cancellationToken)
    {
        var role = await storeAccess.RoleInAsync(query.StoreId, cancellationToken);
        return new StoreAccess(CanChange: role is StoreRole.Manager or StoreRole.Admin, CanAdminister: role is StoreRole.Admin);
    }
}
