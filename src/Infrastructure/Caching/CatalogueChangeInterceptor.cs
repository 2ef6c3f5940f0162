using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// This node drops its catalogue answers as soon as its own change to the catalogue is committed, without waiting
/// for the database's notification: a client that changed something and reads it back from the same node sees its change.
/// Never before the commit: an answer read in between would be kept as current. A change left pending by a
/// transaction that ended without a rollback event only costs one extra drop at the next commit.
/// </summary>
internal sealed class CatalogueChangeInterceptor(IReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedWithoutTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedWithoutTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is OverholtDbContext db && !db.CatalogueChangePending && db.ChangeTracker.Entries().Any(CatalogueTables.Changes))
            db.CatalogueChangePending = true;
    }

    private void CommittedWithoutTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
            Committed(context);
    }

    private void Committed(DbContext? context)
    {
        if (context is OverholtDbContext { CatalogueChangePending: true } db)
        {
            db.CatalogueChangePending = false;
            cache.Invalidate();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is OverholtDbContext db)
            db.CatalogueChangePending = false;
    }
}
