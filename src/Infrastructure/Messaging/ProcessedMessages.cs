using Microsoft.EntityFrameworkCore;
using Overholt.Application.Messaging;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Messaging;

/// <summary>
/// Records (message, consumer) in a transaction that commits only after the work succeeds. A second delivery of the
/// same message, even on another worker at the same moment, meets the primary key and skips the work.
/// </summary>
internal sealed class ProcessedMessages(OverholtDbContext db, TimeProvider clock, WorkerInstance worker) : IProcessedMessages
{
    public async Task<bool> RunOnceAsync(Guid messageId, string consumer, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        // The common repeat (a retried or re-dispatched job) is answered without a failed insert.
        if (await db.Set<ProcessedMessage>().AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, cancellationToken))
            return false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new ProcessedMessage(messageId, consumer, clock.GetUtcNow().UtcDateTime, worker.Name));
        try
        {
            // On PostgreSQL a concurrent insert of the same key waits here until the other transaction ends.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Caused(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
