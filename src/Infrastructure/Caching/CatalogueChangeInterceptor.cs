using Microsoft.EntityFrameworkCore;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// This node drops its catalogue answers as soon as its own change to the catalogue is committed, without waiting
/// for the database's notification: a client that changed something and reads it back from the same node sees its change.
/// </summary>
internal sealed class CatalogueChangeInterceptor(IReadCache cache) : AfterCommitInterceptor<object>
{
    private static readonly object CatalogueChanged = new();

    protected override object? Collect(DbContext context, object? earlier) =>
        earlier ?? (context.ChangeTracker.Entries().Any(CatalogueTables.Changes) ? CatalogueChanged : null);

    protected override void Committed(object changes) => cache.Invalidate();
}
