using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// What the catalogue reads are made of, so what a change to which drops them: every row of these tables, and of the
/// users an email (a store shows its managers' emails) or a deletion. PostgreSQL's triggers
/// (migrations <c>NotifyCatalogueChanges</c>, <c>AlwaysNotifyCatalogueChanges</c>) say the same to every node.
/// </summary>
internal static class CatalogueTables
{
    public const string Channel = "catalogue_changed";

    /// <summary>
    /// What a heartbeat's notification starts with (<c>beat:NODE:N</c>); any other payload is a change to the catalogue.
    /// </summary>
    public const string HeartbeatPrefix = "beat:";

    /// <summary>Each node's heartbeat row; its trigger notifies <see cref="Channel"/> as the catalogue's do.</summary>
    public const string HeartbeatTable = "catalogue_heartbeats";

    // Before Source, which counts them.
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "categories", "products", "products_categories", "stores", "stores_products", "stores_managers",
    };

    /// <summary>
    /// The triggers, one per table, two on users, one on the heartbeats: each must be enabled <c>ALWAYS</c>
    /// (<c>A</c>), so that a write under <c>session_replication_role = replica</c> notifies too.
    /// </summary>
    public static readonly NotificationSource Source =
        new(Channel, "'catalogue_changed', 'catalogue_email_changed', 'catalogue_heartbeat'", TriggerCount: Tables.Count + 3, FiringStates: "'A'");

    public static bool Changes(EntityEntry entry) => entry.Entity is ApplicationUser user
        ? entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && !string.Equals(entry.OriginalValues.GetValue<string?>(nameof(ApplicationUser.Email)), user.Email, StringComparison.Ordinal))
        : entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && entry.Metadata.GetTableName() is { } table && Tables.Contains(table);
}
