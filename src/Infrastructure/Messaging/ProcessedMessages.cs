using Microsoft.EntityFrameworkCore;
using Overholt.Application.Messaging;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Messaging;

/// <summary>
/// Runs a consumer's work once per message, with no database transaction open while the work talks to the network
/// (on SQLite an open write transaction would lock every other writer out for as long as an SMTP server takes).
/// A claim is committed first (its primary key keeps a second worker out), the work runs, and the claim is marked
/// done. If the work fails the claim is released for the job's retry; if the worker dies between the work and the
/// record, the claim is taken over once it is older than <see cref="AbandonedAfter"/>: the work may be done twice
/// then, never lost.
/// </summary>
internal sealed class ProcessedMessages(OverholtDbContext db, TimeProvider clock, WorkerInstance worker) : IProcessedMessages
{
    /// <summary>Longer than any send may take (the SMTP timeout is 30 s by default).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    public async Task<bool> RunOnceAsync(Guid messageId, string consumer, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(messageId, consumer, cancellationToken))
            return false;

        try
        {
            await work(cancellationToken);
        }
        catch
        {
            await Claim(messageId, consumer).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await Claim(messageId, consumer).ExecuteUpdateAsync(set => set.SetProperty(claim => claim.ProcessedAt, now), CancellationToken.None);
        return true;
    }

    /// <summary>Whether this worker now holds the claim; false when the work is already done.</summary>
    private async Task<bool> ClaimAsync(Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await Claim(messageId, consumer).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            db.Add(new ProcessedMessage(messageId, consumer, now, worker.Name));
            try
            {
                await db.SaveChangesAsync(cancellationToken); // its own short transaction
                return true;
            }
            catch (DbUpdateException exception) when (WriteConflict.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                existing = await Claim(messageId, consumer).AsNoTracking().FirstAsync(cancellationToken);
            }
        }

        if (existing.ProcessedAt is not null)
            return false;

        // Taken over only if it is abandoned and nobody took it over first.
        if (existing.ClaimedAt <= now - AbandonedAfter
            && await Claim(messageId, consumer)
                .Where(claim => claim.ProcessedAt == null && claim.ClaimedAt == existing.ClaimedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(claim => claim.ClaimedAt, now).SetProperty(claim => claim.ProcessedBy, worker.Name), cancellationToken) == 1)
            return true;

        // Another worker is doing it right now: the job's retry will find it done (or abandoned).
        throw new InvalidOperationException($"Message {messageId} is being processed by {existing.ProcessedBy}; retrying later");
    }

    private IQueryable<ProcessedMessage> Claim(Guid messageId, string consumer) =>
        db.Set<ProcessedMessage>().Where(claim => claim.MessageId == messageId && claim.Consumer == consumer);
}
