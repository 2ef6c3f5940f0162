namespace Overholt.Application.History;

/// <summary>
/// What a history entry records, as <c>resource.verb</c>: the resource kinds with a history, and every action, one
/// list for the writer, the filters' validation and the documentation.
/// </summary>
public static class HistoryActions
{
    public const string Store = "store";
    public const string Product = "product";
    public const string Category = "category";
    public const string User = "user";

    public const string StoreCreated = "store.created";
    public const string StoreUpdated = "store.updated";
    public const string StoreDeleted = "store.deleted";
    public const string StoreProductAdded = "store.product_added";
    public const string StoreProductRemoved = "store.product_removed";
    public const string StoreManagerAdded = "store.manager_added";
    public const string StoreManagerRemoved = "store.manager_removed";

    public const string ProductCreated = "product.created";
    public const string ProductUpdated = "product.updated";
    public const string ProductDeleted = "product.deleted";

    public const string CategoryCreated = "category.created";
    public const string CategoryUpdated = "category.updated";
    public const string CategoryDeleted = "category.deleted";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserRolesChanged = "user.roles_changed";
    public const string UserActivated = "user.activated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserPasswordReset = "user.password_reset";
    public const string UserPasswordChanged = "user.password_changed";
    public const string UserDeleted = "user.deleted";

    public static readonly IReadOnlyList<string> ResourceTypes = [Store, Product, Category, User];

    public static readonly IReadOnlyList<string> All =
    [
        StoreCreated, StoreUpdated, StoreDeleted, StoreProductAdded, StoreProductRemoved, StoreManagerAdded, StoreManagerRemoved,
        ProductCreated, ProductUpdated, ProductDeleted,
        CategoryCreated, CategoryUpdated, CategoryDeleted,
        UserCreated, UserUpdated, UserRolesChanged, UserActivated, UserDeactivated, UserPasswordReset, UserPasswordChanged, UserDeleted,
    ];

    /// <summary>The field a password change records, never with a value: <c>"password": [null, "changed"]</c>.</summary>
    public const string PasswordField = "password";

    public const string PasswordChangedMark = "changed";
}
