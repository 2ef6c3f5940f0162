using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Acts on what saves changed once they are committed, never before: a cache dropped before the commit can be filled
/// again with the old state by a read in between, and kept. What a save changed is remembered on its context with the
/// transaction it was saved in (none: a save outside a transaction, for the length of the save). A transaction that
/// ends without a commit or rollback event (disposed, so rolled back) leaves its changes behind until the context's
/// next save or transaction replaces them, and they are never acted on.
/// </summary>
internal abstract class AfterCommitInterceptor<TChanges> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TChanges : class
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
        SavedWithoutTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SavedWithoutTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, transaction: null);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, transaction: null);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Done(eventData.Context, eventData.TransactionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context, eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, eventData.TransactionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, eventData.TransactionId);
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
        var pending = PendingOn(context);
        var transaction = context.Database.CurrentTransaction?.TransactionId;
        // A save outside a transaction is the whole change; in one, it adds to what the transaction saved before.
        if (transaction is null || pending.Transaction != transaction)
            pending.Reset(transaction);
        if (Collect(context, pending.Changes) is { } changes)
            pending.Changes = changes;
    }

    /// <summary>A save outside a transaction of the app's commits as it ends (EF's own transaction, if it used one, included).</summary>
    private void SavedWithoutTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Done(context, transaction: null);
    }

    private void Done(DbContext? context, Guid? transaction)
    {
        if (context is null)
            return;
        var pending = PendingOn(context);
        if (pending.Transaction != transaction || pending.Changes is not { } changes)
            return;
        pending.Reset(transaction: null);
        Committed(changes);
    }

    private void Forget(DbContext? context, Guid? transaction)
    {
        if (context is null)
            return;
        var pending = PendingOn(context);
        if (pending.Transaction == transaction)
            pending.Reset(transaction: null);
    }

    private Pending PendingOn(DbContext context) => ((OverholtDbContext)context).InterceptorState<Pending>(this);

    /// <summary>What the context's save or transaction in progress changed so far (null: nothing that matters here).</summary>
    private sealed class Pending
    {
        /// <summary>The transaction <see cref="Changes"/> were saved in; null for a save outside one.</summary>
        public Guid? Transaction { get; private set; }

        public TChanges? Changes { get; set; }

        public void Reset(Guid? transaction) => (Transaction, Changes) = (transaction, null);
    }
}
