using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Acts on what saves changed once they are committed, never before: a cache dropped before the commit can be filled
/// again with the old state by a read in between, and kept. What a save changed is remembered against the transaction
/// it was saved in (or, saved without one, the context for the length of the save), never on the pooled context; a
/// transaction that ends without a rollback event takes its entry with it when it is collected.
/// </summary>
internal abstract class AfterCommitInterceptor<TChanges> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TChanges : class
{
    private readonly ConditionalWeakTable<object, TChanges> _pending = [];

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Done(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(transaction);
        return Task.CompletedTask;
    }

    /// <summary>What this save changes that matters here, added to what earlier saves of the same transaction changed (null if nothing).</summary>
    protected abstract TChanges? Collect(DbContext context, TChanges? earlier);

    /// <summary>Runs once the changes are committed.</summary>
    protected abstract void Committed(TChanges changes);

    private void Note(DbContext? context)
    {
        if (context is null)
            return;
        var key = context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context;
        _pending.TryGetValue(key, out var earlier);
        if (Collect(context, earlier) is { } changes)
            _pending.AddOrUpdate(key, changes);
    }

    /// <summary>A save outside a transaction of the app's commits as it ends (EF's own transaction, if it used one, included).</summary>
    private void SavedWithoutTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Done(context);
    }

    private void Done(object key)
    {
        if (_pending.TryGetValue(key, out var changes) && _pending.Remove(key))
            Committed(changes);
    }

    private void Forget(object? key)
    {
        if (key is not null)
            _pending.Remove(key);
    }
}
