using Microsoft.EntityFrameworkCore;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// This node drops its catalogue answers that depend on what its own change touched as soon as that change is
/// committed, without waiting for the database's notification: a client that changed something and reads it back
/// from the same node sees its change. What it drops is what the notification will drop on the other nodes: the kinds
/// of rows changed (<see cref="CatalogueTables"/>), by id.
/// </summary>
internal sealed class CatalogueChangeInterceptor(IReadCache cache) : AfterCommitInterceptor<Dictionary<CatalogueData, HashSet<int>?>>
{
    protected override Dictionary<CatalogueData, HashSet<int>?>? Collect(DbContext context, Dictionary<CatalogueData, HashSet<int>?>? earlier)
    {
        var changes = earlier ?? [];
        foreach (var entry in context.ChangeTracker.Entries())
            CatalogueTables.Collect(entry, changes);
        return changes.Count > 0 ? changes : null;
    }

    protected override void Committed(Dictionary<CatalogueData, HashSet<int>?> changes) =>
        cache.Invalidate([.. changes.Select(change => new CatalogueChange(change.Key, change.Value))]);
}
