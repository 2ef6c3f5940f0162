using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Application.Telemetry;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// Turns committed outbox messages into Hangfire jobs. Waiting messages are looked for with a read, leased (an UPDATE
/// that only one dispatcher can win), then enqueued, then marked dispatched. A crash between enqueue and mark
/// re-dispatches the message after the lease ends: delivery is at least once, and handlers are idempotent. The dispatcher runs when woken by
/// <see cref="OutboxSignal"/> (PostgreSQL's notification of a new message), and polls: every <c>Jobs:PollInterval</c>
/// while nothing wakes it, every <c>Jobs:FallbackPollInterval</c> (for a lost notification or an expired lease) while something does.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    JobStorage storage,
    OutboxSignal signal,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    WorkerInstance worker,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage is InMemoryStorage)
            await RecoverJobsLostWithMemoryAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The messages stay in the outbox; the next round tries again.
                LogDispatchFailed(exception);
            }

            var poll = signal.IsListening ? options.Value.FallbackPollInterval : options.Value.PollInterval;
            await signal.WaitAsync(poll, stoppingToken);
        }
    }

    /// <summary>Dispatches up to one batch of undispatched messages; returns how many.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leasedUntil = now + Lease;
        var me = worker.Name;

        // Looked for first, with a read: most polls find nothing, and on SQLite a write (even one that matches no row)
        // takes the file's write lock, outside the turns the app's commands take (SqliteWriters). A command committing
        // then met the lock and slept in SQLite's busy handler, with every command queued behind it: once a second.
        if (!await db.Set<OutboxMessage>().AnyAsync(message => message.DispatchedAt == null && (message.LockedUntil == null || message.LockedUntil < now), cancellationToken))
            return 0;

        // Plain SQL both providers accept. The outer conditions are re-checked on rows another dispatcher updated
        // meanwhile, so a leased row is never taken twice.
        var leased = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE outbox_messages SET locked_by = {me}, locked_until = {leasedUntil}
            WHERE dispatched_at IS NULL AND (locked_until IS NULL OR locked_until < {now})
              AND id IN (SELECT id FROM outbox_messages
                         WHERE dispatched_at IS NULL AND (locked_until IS NULL OR locked_until < {now})
                         ORDER BY occurred_at LIMIT {BatchSize})
            """,
            cancellationToken);
        if (leased == 0)
            return 0;

        using var activity = OverholtTelemetry.Source.StartActivity("outbox dispatch");
        var messages = await db.Set<OutboxMessage>()
            .Where(message => message.LockedBy == me && message.DispatchedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            var messageId = message.Id;
            message.JobId = jobs.Enqueue<OutboxJob>(job => job.RunAsync(messageId, CancellationToken.None));
            message.DispatchedAt = now;
        }

        // The jobs are enqueued: marking them dispatched must not be abandoned because the host is stopping, or every
        // message would be enqueued a second time once its lease ends.
        await db.SaveChangesAsync(CancellationToken.None);
        activity?.SetTag("overholt.outbox.dispatched", messages.Count);
        return messages.Count;
    }

    /// <summary>
    /// In-memory jobs die with their process: messages dispatched but never processed go back to the outbox.
    /// Should another live worker still hold one, the repeat is absorbed by the handlers' idempotency.
    /// </summary>
    private async Task RecoverJobsLostWithMemoryAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var recovered = await db.Set<OutboxMessage>()
            .Where(message => message.DispatchedAt != null && message.ProcessedAt == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(message => message.DispatchedAt, (DateTime?)null)
                    .SetProperty(message => message.LockedUntil, (DateTime?)null),
                cancellationToken);
        if (recovered > 0)
            LogRecovered(recovered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned {Count} unfinished outbox message(s) from a previous in-memory job store to the outbox")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching the outbox failed; will try again")]
    private partial void LogDispatchFailed(Exception exception);
}
