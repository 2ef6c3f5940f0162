namespace Overholt.Application.Security;

/// <summary>
/// The one rule for who may do what to a store, used by the authorization behaviour (which enforces it) and by the
/// pages (which offer only what it allows).
/// </summary>
public interface IStoreAccess
{
    /// <summary>The signed-in user's role in the store; admins are told apart without a query.</summary>
    Task<StoreRole> RoleInAsync(int storeId, CancellationToken cancellationToken);
}
