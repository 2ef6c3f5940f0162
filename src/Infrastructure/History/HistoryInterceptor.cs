using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Overholt.Application.History;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.History;

/// <summary>
/// Writes the change history as part of the save that makes the change: the entries are added to the same
/// SaveChanges (the same transaction and, for a change to something that exists, the same batch of statements), so
/// no handler can forget them and a rolled-back command leaves none. A creation whose id its insert returns (a user;
/// anything on SQLite) has its entry follow in a second save right after, in the same transaction
/// (<see cref="OverholtDbContext.SaveChangesAsync(bool, CancellationToken)"/>); one with an id from the app (hi-lo, on
/// PostgreSQL) has its entry in the same batch as its insert. Several saves of one
/// transaction that change the same resource the same way (Identity saves once per step) fold into one entry.
/// </summary>
internal sealed class HistoryInterceptor(IChangeActor actors, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// The entries written in each context's current transaction, by resource, for later saves of it to fold into. Kept
    /// by the transaction's id: a provider may reuse its transaction object for the connection's next transaction.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, Written> _written = [];

    /// <summary>Creations being saved whose entries wait for the ids their inserts return.</summary>
    private readonly ConditionalWeakTable<DbContext, List<(TrackedChange Change, ChangeActor Actor, string? TraceId)>> _creations = [];

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
        if (eventData.Context is { } db && RecordCreations(db))
            db.SaveChanges();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && RecordCreations(db))
            await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Record(DbContext? db)
    {
        if (db is null)
            return;
        var actor = actors.Current;
        var changes = TrackedChanges.Read(db, actor);
        if (changes.Count == 0)
            return;
        var traceId = TraceId();
        foreach (var change in changes)
        {
            if (change.AwaitingId is not null)
                _creations.GetOrCreateValue(db).Add((change, actor, traceId));
            else
                Write(db, change, actor, traceId);
        }
    }

    /// <summary>Adds the entries of the creations just saved, now that they have ids; true if there are any to save.</summary>
    private bool RecordCreations(DbContext db)
    {
        if (!_creations.TryGetValue(db, out var created) || !_creations.Remove(db))
            return false;
        foreach (var (change, actor, traceId) in created)
            Write(db, change with { ResourceId = change.Id, AwaitingId = null }, actor, traceId);
        return created.Count > 0;
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

        var entry = new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            Actor = Truncated(actor.Name, HistoryEntry.ActorMaxLength),
            Action = change.Action,
            ResourceType = change.ResourceType,
            ResourceId = change.ResourceId,
            Changes = change.Changes.ToJson(),
            TraceId = traceId,
        };
        db.Set<HistoryEntry>().Add(entry);
        if (written is not null)
            written[key] = entry;
    }

    private Dictionary<(string Type, int Id), HistoryEntry>? WrittenIn(DbContext db)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            return null;
        var written = _written.GetOrCreateValue(db);
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
        if (db is not null)
            _creations.Remove(db);
    }

    private sealed class Written
    {
        public Guid TransactionId { get; set; }

        public Dictionary<(string Type, int Id), HistoryEntry> Entries { get; } = [];
    }

    private static string? TraceId() =>
        Activity.Current is { TraceId: var trace } && trace != default ? trace.ToHexString() : null;

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];
}
