using Mediator;
using Overholt.Application.Security;

namespace Overholt.Application.Stores.Queries.GetStorePermissions;

/// <summary>What the signed-in user may do to a store, so pages offer only that (the pipeline decides again on each command).</summary>
[AllowSignedInUsers]
public sealed record GetStorePermissions(int StoreId) : IQuery<StorePermissions>;

/// <param name="CanChange">Change the details and the products: admins and the store's managers.</param>
/// <param name="CanAdminister">Delete the store and choose its managers: admins.</param>
public sealed record StorePermissions(bool CanChange, bool CanAdminister);

public sealed class GetStorePermissionsHandler(IStoreAccess storeAccess) : IQueryHandler<GetStorePermissions, StorePermissions>
{
    public async ValueTask<StorePermissions> Handle(GetStorePermissions query, CancellationToken cancellationToken)
    {
        var role = await storeAccess.RoleInAsync(query.StoreId, cancellationToken);
        return new StorePermissions(CanChange: role is StoreRole.Manager or StoreRole.Admin, CanAdminister: role is StoreRole.Admin);
    }
}
