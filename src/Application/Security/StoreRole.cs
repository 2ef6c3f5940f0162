namespace Overholt.Application.Security;

/// <summary>What the signed-in user is to one store.</summary>
public enum StoreRole
{
    /// <summary>There is no such store: whoever handles the request reports it as not found.</summary>
    NoSuchStore,

    /// <summary>Signed in, but neither an admin nor one of the store's managers.</summary>
    Outsider,

    /// <summary>One of the store's managers: may change its details and products.</summary>
    Manager,

    /// <summary>An admin: may do anything to any store.</summary>
    Admin,
}
