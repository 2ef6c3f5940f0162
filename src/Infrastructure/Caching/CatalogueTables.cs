using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Overholt.Application.Caching;
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

    /// <summary>
    /// Each catalogue table (and <c>users</c>, for emails and deletions): what its rows are part of, and which column
    /// says of which row of that (a product's categories are part of the product; a store's products and managers,
    /// of the store). The triggers name the same column (<c>NotifyCatalogueChangedRows</c>).
    /// </summary>
    private static readonly Dictionary<string, (CatalogueData Data, string Column)> Parts = new(StringComparer.Ordinal)
    {
        ["categories"] = (CatalogueData.Categories, "id"),
        ["products"] = (CatalogueData.Products, "id"),
        ["products_categories"] = (CatalogueData.Products, "product_id"),
        ["stores"] = (CatalogueData.Stores, "id"),
        ["stores_products"] = (CatalogueData.Stores, "store_id"),
        ["stores_managers"] = (CatalogueData.Stores, "store_id"),
        ["users"] = (CatalogueData.Users, "id"),
    };

    // Before Source, which counts them.
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "categories", "products", "products_categories", "stores", "stores_products", "stores_managers",
    };

    /// <summary>
    /// The triggers, four per table (rows inserted, updated, deleted; truncated), two on users, one on the heartbeats:
    /// each must be enabled <c>ALWAYS</c> (<c>A</c>), so that a write under <c>session_replication_role = replica</c>
    /// notifies too.
    /// </summary>
    public static readonly NotificationSource Source = new(
        Channel,
        "'catalogue_changed', 'catalogue_rows_inserted', 'catalogue_rows_updated', 'catalogue_rows_deleted', 'catalogue_email_changed', 'catalogue_heartbeat'",
        TriggerCount: (Tables.Count * 4) + 3,
        FiringStates: "'A'");

    /// <summary>
    /// What a change notification's payload says changed: <c>TABLE</c> (rows not named: any of them), or
    /// <c>TABLE:ID,ID,...</c>. Anything else (the empty payload of the triggers before <c>NotifyCatalogueChangedRows</c>)
    /// could be any change: everything.
    /// </summary>
    public static IReadOnlyCollection<CatalogueChange> Parse(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        var table = colon < 0 ? payload : payload[..colon];
        if (!Parts.TryGetValue(table, out var part))
            return CatalogueChange.Everything;
        if (colon < 0)
            return [new CatalogueChange(part.Data)];

        var ids = new HashSet<int>();
        foreach (var range in payload.AsSpan(colon + 1).Split(','))
        {
            if (!int.TryParse(payload.AsSpan(colon + 1)[range], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                return [new CatalogueChange(part.Data)];
            ids.Add(id);
        }

        return [new CatalogueChange(part.Data, ids)];
    }

    /// <summary>
    /// Adds what <paramref name="entry"/>, about to be saved, changes to <paramref name="changes"/>: the ids of the rows of
    /// its kind it changes. A row being added whose id is not known yet adds none: nothing kept can show a row that
    /// did not exist (an answer about one id is kept only once found), but every answer that depends on any row of that
    /// kind is dropped all the same. A row whose id cannot be read names the whole kind (null).
    /// </summary>
    public static void Collect(EntityEntry entry, Dictionary<CatalogueData, HashSet<int>?> changes)
    {
        if (!Changes(entry) || entry.Metadata.GetTableName() is not { } table || !Parts.TryGetValue(table, out var part))
            return;
        if (!changes.TryGetValue(part.Data, out var ids))
            changes[part.Data] = ids = [];
        if (ids is null)
            return;
        var identifier = StoreObjectIdentifier.Table(table, entry.Metadata.GetSchema());
        if (entry.Metadata.GetProperties().FirstOrDefault(property => property.GetColumnName(identifier) == part.Column) is not { } column)
        {
            changes[part.Data] = null;
            return;
        }

        var current = entry.Property(column);
        if (entry.State == EntityState.Added && current.IsTemporary)
            return; // a new row, its id generated on saving
        if (current.CurrentValue is int now && (entry.State == EntityState.Added || current.OriginalValue is int))
        {
            ids.Add(now);
            if (entry.State != EntityState.Added)
                ids.Add((int)current.OriginalValue!);
        }
        else
        {
            changes[part.Data] = null;
        }
    }

    public static bool Changes(EntityEntry entry) => entry.Entity is ApplicationUser user
        ? entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && !string.Equals(entry.OriginalValues.GetValue<string?>(nameof(ApplicationUser.Email)), user.Email, StringComparison.Ordinal))
        : entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && entry.Metadata.GetTableName() is { } table && Tables.Contains(table);
}
