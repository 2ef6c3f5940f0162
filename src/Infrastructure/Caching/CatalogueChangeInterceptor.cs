using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Overholt.Application.Caching;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// This node drops its catalogue answers as soon as its own change to the catalogue is committed, without waiting
/// for the database's notification: a client that changed something and reads it back from the same node sees its change.
/// Never before the commit: an answer read in between would be kept as current. A pending change is remembered against
/// the transaction it was saved in (or, saved without one, the context for the length of the save), never on the pooled
/// context itself; a transaction that ends without a rollback event takes its entry with it when it is collected.
/// </summary>
internal sealed class CatalogueChangeInterceptor(IReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Pending = new();

    /// <summary>Transactions (or contexts saving without one) that saved a catalogue change not yet committed.</summary>
    private readonly ConditionalWeakTable<object, object> _pending = [];

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
        SavedWithoutTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SavedWithoutTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(transaction);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(CatalogueTables.Changes))
            return;
        _pending.AddOrUpdate(context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context, Pending);
    }

    /// <summary>A save outside a transaction of the app's commits as it ends (EF's own transaction, if it used one, included).</summary>
    private void SavedWithoutTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Committed(context);
    }

    private void Committed(object key)
    {
        if (_pending.Remove(key))
            cache.Invalidate();
    }

    private void Forget(object? key)
    {
        if (key is not null)
            _pending.Remove(key);
    }
}
