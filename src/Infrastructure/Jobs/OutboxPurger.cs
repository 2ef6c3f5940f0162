using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Application.History;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Idempotency;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// Keeps the outbox tables bounded. Every worker, when it starts and then every <see cref="Interval"/>, deletes the
/// outbox messages processed longer than <c>Jobs:OutboxRetention</c> ago, then the records of processing whose message
/// is gone and that finished that long ago, each in statements of at most <see cref="BatchSize"/> rows (short
/// transactions, found through an index on <c>processed_at</c>). Nothing undispatched or unprocessed is touched, nor
/// the record of a consumer whose message is still in the outbox: a message that one consumer has handled and
/// another has not keeps both records until the message itself goes. Workers purging at once only compete for the
/// same rows: a row is deleted once, whoever deletes it. At the same turn it forgets the sign-in failures and password
/// reset requests that no longer count (<see cref="PurgeExpiredThrottlesAsync"/>), which would otherwise grow with
/// every name and address ever tried, and the idempotency keys past their 24 hours
/// (<see cref="PurgeExpiredIdempotencyKeysAsync"/>), which would otherwise grow with every create, and the change
/// history older than <c>History:RetentionDays</c> (<see cref="PurgeExpiredHistoryAsync"/>).
/// </summary>
public sealed partial class OutboxPurger(IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider clock, ILogger<OutboxPurger> logger)
    : BackgroundService
{
    public const int BatchSize = 1000;

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var (messages, records) = await PurgeAsync(stoppingToken);
                if (messages + records > 0)
                    LogPurged(messages, records);
                var throttles = await PurgeExpiredThrottlesAsync(stoppingToken);
                if (throttles > 0)
                    LogPurgedThrottles(throttles);
                var keys = await PurgeExpiredIdempotencyKeysAsync(stoppingToken);
                if (keys > 0)
                    LogPurgedIdempotencyKeys(keys);
                var history = await PurgeExpiredHistoryAsync(stoppingToken);
                if (history > 0)
                    LogPurgedHistory(history);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost by purging later.
                LogPurgeFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private const string DeleteMessages = """
        DELETE FROM outbox_messages
        WHERE id IN (SELECT id FROM outbox_messages
                     WHERE processed_at < {0} AND dispatched_at IS NOT NULL
                     ORDER BY processed_at LIMIT {1} /*locking*/)
        """;

    private const string DeleteRecords = """
        DELETE FROM processed_messages
        WHERE (message_id, consumer) IN (
            SELECT processed.message_id, processed.consumer FROM processed_messages AS processed
            WHERE processed.processed_at < {0}
              AND NOT EXISTS (SELECT 1 FROM outbox_messages AS message WHERE message.id = processed.message_id)
            ORDER BY processed.processed_at LIMIT {1} /*locking*/)
        """;

    /// <summary>Purges everything past the retention period, batch after batch; returns how many messages and records went.</summary>
    public async Task<(int Messages, int Records)> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        object[] parameters = [clock.GetUtcNow().UtcDateTime - options.Value.OutboxRetention, BatchSize];

        // On PostgreSQL a batch takes only rows no other purger holds, so purgers running at once neither wait for
        // each other nor stop early on a batch another one emptied; SQLite has one writer at a time anyway.
        var locking = db is PostgresOverholtDbContext ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var messages = await InBatchesAsync(() => db.Database.ExecuteSqlRawAsync(
            DeleteMessages.Replace("/*locking*/", locking, StringComparison.Ordinal), parameters, cancellationToken));
        var records = await InBatchesAsync(() => db.Database.ExecuteSqlRawAsync(
            DeleteRecords.Replace("/*locking*/", locking, StringComparison.Ordinal), parameters, cancellationToken));
        return (messages, records);
    }

    /// <summary>Deletes expired sign-in failures and password reset requests; returns how many rows went.</summary>
    public async Task<int> PurgeExpiredThrottlesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var failures = await scope.ServiceProvider.GetRequiredService<SignInGuard>().PurgeExpiredAsync(cancellationToken);
        return failures + await scope.ServiceProvider.GetRequiredService<PasswordRecovery>().PurgeExpiredAsync(cancellationToken);
    }

    /// <summary>Deletes the idempotency keys older than <see cref="IdempotencyKeys.Retention"/>; returns how many went.</summary>
    public async Task<int> PurgeExpiredIdempotencyKeysAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdempotencyKeys>().PurgeExpiredAsync(cancellationToken);
    }

    /// <summary>Deletes the history entries older than <c>History:RetentionDays</c>; returns how many went.</summary>
    public async Task<int> PurgeExpiredHistoryAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var retention = TimeSpan.FromDays(scope.ServiceProvider.GetRequiredService<IOptions<HistoryOptions>>().Value.RetentionDays);
        return await scope.ServiceProvider.GetRequiredService<IChangeHistory>().PurgeAsync(clock.GetUtcNow() - retention, cancellationToken);
    }

    private static async Task<int> InBatchesAsync(Func<Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch();
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Messages} outbox message(s) and {Records} processing record(s) past their retention")]
    private partial void LogPurged(int messages, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Rows} expired sign-in failure(s) and password reset request(s)")]
    private partial void LogPurgedThrottles(int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Keys} idempotency key(s) past their retention")]
    private partial void LogPurgedIdempotencyKeys(int keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Entries} history entr(ies) past their retention")]
    private partial void LogPurgedHistory(int entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging the outbox failed; will try again at the next turn")]
    private partial void LogPurgeFailed(Exception exception);
}
