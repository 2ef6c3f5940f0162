using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Overholt.Application.History;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.History;

/// <summary>
/// Writes the change history as part of the save that makes the change, in the same transaction, so no handler can
/// forget it and a rolled-back command leaves none. A creation whose id its insert returns (a user; anything on SQLite)
/// has its entry follow in a second save right after, in the same transaction
/// (<see cref="OverholtDbContext.SaveChangesAsync(bool, CancellationToken)"/>). Several saves of one transaction that
/// change the same resource the same way (Identity saves once per step) fold into one entry: those entries are tracked
/// by EF, so a later save can update them. On PostgreSQL a save made outside a transaction of the app's (a command that
/// saves once) has nothing to fold into later: its entries are not tracked but inserted by one statement at the end of
/// the command EF sends for the save (<see cref="HistoryTable"/>, <see cref="BulkStatements.AppendInsert"/>), which
/// spares EF's work for a row of its own and reading back its id.
/// </summary>
internal sealed class HistoryInterceptor(IChangeActor actors, TimeProvider clock) : SaveChangesInterceptor, IDbCommandInterceptor
{
    /// <summary>The most entries one appended statement carries (eight parameters each); a larger save has them tracked.</summary>
    private const int MaxAppendedEntries = 50;

    private HistoryTable? _table;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Sent(eventData.Context);
        if (eventData.Context is { } db && RecordCreations(db))
            db.SaveChanges();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Sent(eventData.Context);
        if (eventData.Context is { } db && RecordCreations(db))
            await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command, eventData);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Record(DbContext? db)
    {
        if (db is null)
            return;
        Sent(db);
        var actor = actors.Current;
        var (changes, updatesOrDeletes) = TrackedChanges.Read(db, actor);
        if (changes.Count == 0)
            return;
        var traceId = HistoryEntry.CurrentTraceId();
        var appended = Appending(db, changes.Count, updatesOrDeletes);
        foreach (var change in changes)
        {
            if (change.AwaitingId is not null)
                StateOf(db).Creations.Add((change, actor, traceId));
            else if (appended is not null)
                appended.Rows.Add(HistoryTable.Row(Entry(change, actor, traceId)));
            else
                Write(db, change, actor, traceId);
        }
    }

    /// <summary>
    /// Where the save's entries go at the end of its command, or null where EF tracks them: on SQLite (a command per
    /// statement there), in a transaction of the app's (a later save may fold into them), or for a large save. A save
    /// that updates or deletes is made in EF's transaction, which EF would leave out for a single UPDATE: an UPDATE that
    /// matches no row (another edit moved the version first) is no error to PostgreSQL, which would commit the entry
    /// with it before EF counts the rows and refuses the save.
    /// </summary>
    private Appended? Appending(DbContext db, int entries, bool updatesOrDeletes)
    {
        if (db is not PostgresOverholtDbContext || db.Database.CurrentTransaction is not null || entries > MaxAppendedEntries)
            return null;
        var database = db.Database;
        var behavior = database.AutoTransactionBehavior;
        if (behavior != AutoTransactionBehavior.Always && updatesOrDeletes)
        {
            if (behavior == AutoTransactionBehavior.Never)
                return null;
            database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }

        var appended = StateOf(db).Appended;
        appended.Behavior = behavior;
        appended.Transaction = null;
        appended.Open = true;
        return appended;
    }

    /// <summary>
    /// Adds the save's untracked entries to the command EF is about to send for it. A save EF sends in several commands
    /// runs in a transaction of EF's, and the entries go with the first; a command sent again (EF's retry, after a
    /// rollback) is a new attempt, in a new transaction or in none, and carries them again.
    /// </summary>
    private void Append(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges || eventData.Context is not { } db
            || StateOf(db).Appended is not { Rows.Count: > 0 } appended)
            return;
        var transaction = db.Database.CurrentTransaction?.TransactionId;
        if (transaction is not null && transaction == appended.Transaction)
            return;
        appended.Transaction = transaction;
        var table = _table ??= HistoryTable.For(db);
        BulkStatements.AppendInsert(command, table.Name, table.Columns, appended.Rows, "@history_");
    }

    /// <summary>Adds the entries of the creations just saved, now that they have ids; true if there are any to save.</summary>
    private bool RecordCreations(DbContext db)
    {
        var creations = StateOf(db).Creations;
        if (creations.Count == 0)
            return false;
        var created = creations.ToArray();
        creations.Clear();
        foreach (var (change, actor, traceId) in created)
            Write(db, change with { ResourceId = change.Id, AwaitingId = null }, actor, traceId);
        return true;
    }

    private void Write(DbContext db, TrackedChange change, ChangeActor actor, string? traceId)
    {
        var written = WrittenIn(db);
        var key = (change.ResourceType, change.ResourceId);
        if (written is not null && written.TryGetValue(key, out var earlier) && Folds(earlier.Action, change.Action))
        {
            earlier.Changes = ChangeSet.Parse(earlier.Changes).Then(change.Changes).ToJson();
            var saved = db.Entry(earlier);
            if (saved.State == EntityState.Unchanged)
                saved.Property(e => e.Changes).IsModified = true;
            return;
        }

        var entry = Entry(change, actor, traceId);
        db.Set<HistoryEntry>().Add(entry);
        if (written is not null)
            written[key] = entry;
    }

    private HistoryEntry Entry(TrackedChange change, ChangeActor actor, string? traceId) =>
        HistoryEntry.For(actor, clock.GetUtcNow().UtcDateTime, change.ResourceType, change.ResourceId, change.Action, change.Changes, traceId);

    private Dictionary<(string Type, int Id), HistoryEntry>? WrittenIn(DbContext db)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            return null;
        var written = StateOf(db).Written;
        if (written.TransactionId != transaction.TransactionId)
        {
            written.TransactionId = transaction.TransactionId;
            written.Entries.Clear();
        }

        return written.Entries;
    }

    /// <summary>A later step of the same change (a password removed then set), or anything done to what was just created.</summary>
    private static bool Folds(string earlier, string later) =>
        earlier == later || (earlier.EndsWith(".created", StringComparison.Ordinal) && !later.EndsWith(".deleted", StringComparison.Ordinal));

    private void Forget(DbContext? db)
    {
        if (db is null)
            return;
        StateOf(db).Creations.Clear();
        Sent(db);
    }

    /// <summary>The save is over: its entries are forgotten, and EF's choice of a transaction is the context's again.</summary>
    private void Sent(DbContext? db)
    {
        if (db is null || StateOf(db).Appended is not { Open: true } appended)
            return;
        appended.Open = false;
        appended.Rows.Clear();
        db.Database.AutoTransactionBehavior = appended.Behavior;
    }

    /// <summary>
    /// What this interceptor keeps about a context's save in progress, on the (pooled) context
    /// (<see cref="OverholtDbContext.InterceptorState{TState}"/>) and emptied as each save ends.
    /// </summary>
    private SaveState StateOf(DbContext db) => ((OverholtDbContext)db).InterceptorState<SaveState>(this);

    private sealed class SaveState
    {
        /// <summary>The entries of the save in progress that go at the end of its command, and where they went.</summary>
        public Appended Appended { get; } = new();

        /// <summary>
        /// The entries written in the context's current transaction, by resource, for later saves of it to fold into.
        /// Kept by the transaction's id: a provider may reuse its transaction object for the connection's next one.
        /// </summary>
        public Written Written { get; } = new();

        /// <summary>Creations being saved whose entries wait for the ids their inserts return.</summary>
        public List<(TrackedChange Change, ChangeActor Actor, string? TraceId)> Creations { get; } = [];
    }

    private sealed class Appended
    {
        /// <summary>The entries as rows of <see cref="HistoryTable"/>.</summary>
        public List<object[]> Rows { get; } = [];

        /// <summary>EF's transaction the entries were last sent in (none: a save of one command, without one).</summary>
        public Guid? Transaction { get; set; }

        /// <summary>The context's choice of a transaction before this save, given back when it ends.</summary>
        public AutoTransactionBehavior Behavior { get; set; }

        /// <summary>Whether a save is in progress with its entries here (then <see cref="Behavior"/> is to be given back).</summary>
        public bool Open { get; set; }
    }

    private sealed class Written
    {
        public Guid TransactionId { get; set; }

        public Dictionary<(string Type, int Id), HistoryEntry> Entries { get; } = [];
    }
}
