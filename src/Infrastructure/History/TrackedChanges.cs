using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Overholt.Application.History;
using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.History;

/// <summary>
/// One change a save is about to make, read from the change tracker: its resource, action and fields. A resource created
/// with an id its insert returns has none before the save: <see cref="AwaitingId"/> is its entry, read once the save is
/// done. (On PostgreSQL a store, product or category has its id from the app before the insert, and awaits nothing.)
/// </summary>
internal sealed record TrackedChange(string ResourceType, int ResourceId, string Action, ChangeSet Changes, EntityEntry? AwaitingId = null)
{
    public int Id => AwaitingId?.Entity switch
    {
        Entity entity => entity.Id,
        ApplicationUser user => user.Id,
        _ => ResourceId,
    };
}

/// <summary>What a save changes, and whether it updates or deletes rows (an UPDATE can match none, see <see cref="HistoryInterceptor"/>).</summary>
internal readonly record struct SaveChangeList(List<TrackedChange> Changes, bool UpdatesOrDeletes);

/// <summary>
/// Reads what a save changes from EF's change tracker: values before from the original values it already holds, so no
/// read is added. Only the fields people set are recorded (not versions, stamps, login counters); a link between a
/// store and a product or a manager is the store's change, a product's categories the product's, a user's roles the
/// user's. Links that go because their owner is deleted are part of the deletion.
/// </summary>
internal static class TrackedChanges
{
    /// <summary>The join table of products and categories (a shared-type entity), and its columns.</summary>
    private const string ProductCategories = "products_categories";
    private const string ProductKey = "product_id";
    private const string CategoryKey = "category_id";

    private static readonly (string Property, string Field)[] StoreFields =
        [(nameof(Store.Name), "name"), (nameof(Store.Address), "address"), (nameof(Store.City), "city"), (nameof(Store.State), "state"), (nameof(Store.ZipCode), "zip_code")];

    private static readonly (string Property, string Field)[] ProductFields = [(nameof(Product.Name), "name")];

    private static readonly (string Property, string Field)[] CategoryFields = [(nameof(Category.Name), "name"), (nameof(Category.Description), "description")];

    private static readonly (string Property, string Field)[] UserFields = [(nameof(ApplicationUser.Email), "email"), (nameof(ApplicationUser.Active), "active")];

    /// <summary>Whether a save creates a resource whose history entry must follow its insert (it needs the id the insert returns).</summary>
    public static bool CreatesResourceAwaitingId(DbContext db) =>
        db.ChangeTracker.Entries().Any(entry => entry.State == EntityState.Added && entry.Entity is Store or Product or Category or ApplicationUser && AwaitsId(entry));

    /// <summary>Whether an added row's key is the database's to give (EF holds a temporary value until the insert returns it).</summary>
    private static bool AwaitsId(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key && key.Properties.Any(property => entry.Property(property).IsTemporary);

    public static SaveChangeList Read(DbContext db, ChangeActor actor)
    {
        var changes = new List<TrackedChange>();
        var all = db.ChangeTracker.Entries().ToList(); // detects changes once
        var entries = all.Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var updatesOrDeletes = entries.Exists(entry => entry.State != EntityState.Added);
        if (entries.Count == 0)
            return new(changes, updatesOrDeletes);

        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Store:
                    Resource(entry, HistoryActions.Store, StoreFields, changes);
                    break;
                case Category:
                    Resource(entry, HistoryActions.Category, CategoryFields, changes);
                    break;
                case Product product:
                    ProductChange(all, entry, product, changes);
                    break;
                case StoreProduct carried when !StoreGoes(all, carried.StoreId):
                    changes.Add(Link(entry, HistoryActions.Store, carried.StoreId, "product", carried.ProductId, HistoryActions.StoreProductAdded, HistoryActions.StoreProductRemoved));
                    break;
                case StoreManager manager when !StoreGoes(all, manager.StoreId):
                    changes.Add(Link(entry, HistoryActions.Store, manager.StoreId, "manager", manager.UserId, HistoryActions.StoreManagerAdded, HistoryActions.StoreManagerRemoved));
                    break;
                case ApplicationUser user:
                    UserChange(entry, user, actor, changes);
                    break;
                case IdentityUserRole<int> role when entry.State != EntityState.Modified && !UserGoes(all, role.UserId):
                    changes.Add(new TrackedChange(HistoryActions.User, role.UserId, HistoryActions.UserRolesChanged,
                        new ChangeSet().Set($"roles.{RoleName(all, role.RoleId)}", entry.State == EntityState.Deleted, entry.State == EntityState.Added)));
                    break;
            }
        }

        // Products whose categories changed while the product itself did not (its version moves with them, but a
        // product loaded and changed only through the join table is still covered).
        foreach (var productId in entries.Where(IsProductCategory).Select(entry => (int)entry.Property(ProductKey).CurrentValue!).Distinct())
        {
            if (!changes.Exists(change => change.ResourceType == HistoryActions.Product && change.ResourceId == productId)
                && all.FirstOrDefault(entry => entry.Entity is Product product && product.Id == productId) is { State: EntityState.Unchanged } product)
                ProductChange(all, product, (Product)product.Entity, changes, categoriesOnly: true);
        }

        return new(changes, updatesOrDeletes);
    }

    private static void Resource(EntityEntry entry, string type, (string Property, string Field)[] fields, List<TrackedChange> changes, ChangeSet? more = null)
    {
        var set = new ChangeSet();
        foreach (var (property, field) in fields)
        {
            var values = entry.Property(property);
            set.Set(field, entry.State == EntityState.Added ? null : values.OriginalValue, entry.State == EntityState.Deleted ? null : values.CurrentValue);
        }

        if (more is not null)
            set.Then(more);
        var awaitsId = entry.State == EntityState.Added && AwaitsId(entry);
        var id = awaitsId ? 0 : ((Entity)entry.Entity).Id;
        switch (entry.State)
        {
            case EntityState.Added:
                changes.Add(new TrackedChange(type, id, $"{type}.created", set, awaitsId ? entry : null));
                break;
            case EntityState.Deleted:
                changes.Add(new TrackedChange(type, id, $"{type}.deleted", set));
                break;
            case EntityState.Modified when set.Count > 0:
                changes.Add(new TrackedChange(type, id, $"{type}.updated", set));
                break;
        }
    }

    private static void ProductChange(List<EntityEntry> all, EntityEntry entry, Product product, List<TrackedChange> changes, bool categoriesOnly = false)
    {
        // The categories as the product holds them now, and as they were: without the links being added, with those going.
        var links = all.Where(link => IsProductCategory(link) && (int)link.Property(ProductKey).CurrentValue! == product.Id).ToList();
        var after = product.Categories.Select(category => category.Id).ToHashSet();
        var before = after.ToHashSet();
        if (entry.State != EntityState.Added)
        {
            foreach (var link in links)
            {
                var categoryId = (int)link.Property(CategoryKey).CurrentValue!;
                if (link.State == EntityState.Added)
                    before.Remove(categoryId);
                else if (link.State == EntityState.Deleted)
                    before.Add(categoryId);
            }
        }

        var categories = entry.State switch
        {
            EntityState.Added => new ChangeSet().Set("categories", null, after),
            EntityState.Deleted => new ChangeSet(),
            _ => new ChangeSet().Set("categories", before, after),
        };
        if (categoriesOnly)
        {
            if (categories.Count > 0)
                changes.Add(new TrackedChange(HistoryActions.Product, product.Id, HistoryActions.ProductUpdated, categories));
            return;
        }

        Resource(entry, HistoryActions.Product, ProductFields, changes, categories);
    }

    private static void UserChange(EntityEntry entry, ApplicationUser user, ChangeActor actor, List<TrackedChange> changes)
    {
        var set = new ChangeSet();
        foreach (var (property, field) in UserFields)
        {
            var values = entry.Property(property);
            set.Set(field, entry.State == EntityState.Added ? null : values.OriginalValue, entry.State == EntityState.Deleted ? null : values.CurrentValue);
        }

        switch (entry.State)
        {
            case EntityState.Added when AwaitsId(entry):
                changes.Add(new TrackedChange(HistoryActions.User, 0, HistoryActions.UserCreated, set, entry));
                return;
            case EntityState.Added:
                changes.Add(new TrackedChange(HistoryActions.User, user.Id, HistoryActions.UserCreated, set));
                return;
            case EntityState.Deleted:
                changes.Add(new TrackedChange(HistoryActions.User, user.Id, HistoryActions.UserDeleted, set));
                return;
        }

        // A new password renews the security stamp; a hash upgraded at sign-in (the same password) does not.
        var hash = entry.Property(nameof(ApplicationUser.PasswordHash));
        var stamp = entry.Property(nameof(ApplicationUser.SecurityStamp));
        var passwordChanged = !Equals(hash.OriginalValue, hash.CurrentValue) && !Equals(stamp.OriginalValue, stamp.CurrentValue);
        if (passwordChanged)
            set.PasswordChanged();
        if (set.Count == 0)
            return;

        var action = passwordChanged ? (actor.UserId == user.Id ? HistoryActions.UserPasswordChanged : HistoryActions.UserPasswordReset)
            : set.Fields.Contains("active") ? (user.Active ? HistoryActions.UserActivated : HistoryActions.UserDeactivated)
            : HistoryActions.UserUpdated;
        changes.Add(new TrackedChange(HistoryActions.User, user.Id, action, set));
    }

    private static TrackedChange Link(EntityEntry entry, string type, int ownerId, string field, int linkedId, string added, string removed) =>
        entry.State == EntityState.Added
            ? new TrackedChange(type, ownerId, added, new ChangeSet().Set(field, null, linkedId))
            : new TrackedChange(type, ownerId, removed, new ChangeSet().Set(field, linkedId, null));

    private static bool IsProductCategory(EntityEntry entry) =>
        entry.Metadata.Name == ProductCategories && entry.State is EntityState.Added or EntityState.Deleted;

    /// <summary>Whether the store is deleted or created by the same save (its links are part of that).</summary>
    private static bool StoreGoes(List<EntityEntry> all, int storeId) =>
        all.Exists(entry => entry.Entity is Store store && store.Id == storeId && entry.State is EntityState.Deleted or EntityState.Added);

    private static bool UserGoes(List<EntityEntry> all, int userId) =>
        all.Exists(entry => entry.Entity is ApplicationUser user && user.Id == userId && entry.State is EntityState.Deleted or EntityState.Added);

    /// <summary>The role's name from the role Identity read to add or remove it (tracked), without a query.</summary>
    private static string RoleName(List<EntityEntry> all, int roleId) =>
        all.Select(entry => entry.Entity).OfType<ApplicationRole>().FirstOrDefault(role => role.Id == roleId)?.Name?.ToLowerInvariant()
            ?? roleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
