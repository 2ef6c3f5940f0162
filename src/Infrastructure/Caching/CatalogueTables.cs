using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// What the catalogue reads are made of, so what a change to which drops them: every row of these tables, and of the
/// users an email (a store shows its managers' emails) or a deletion. PostgreSQL's triggers
/// (migration <c>NotifyCatalogueChanges</c>) say the same to every node.
/// </summary>
internal static class CatalogueTables
{
    public const string Channel = "catalogue_changed";

    /// <summary>The triggers' names, as an SQL list, and how many there are: one per table, two on users.</summary>
    public const string TriggerNames = "'catalogue_changed', 'catalogue_email_changed'";

    public static int TriggerCount => Tables.Count + 2;

    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "categories", "products", "products_categories", "stores", "stores_products", "stores_managers",
    };

    public static bool Changes(EntityEntry entry) => entry.Entity is ApplicationUser user
        ? entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && !string.Equals(entry.OriginalValues.GetValue<string?>(nameof(ApplicationUser.Email)), user.Email, StringComparison.Ordinal))
        : entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && entry.Metadata.GetTableName() is { } table && Tables.Contains(table);
}
