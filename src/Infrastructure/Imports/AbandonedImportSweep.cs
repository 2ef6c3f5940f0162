using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Overholt.Application.Imports;
using Overholt.Domain.Imports;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Imports;

/// <summary>
/// Finds the imports whose worker stopped: those a stopping worker handed back (queued, with a heartbeat), and those
/// whose worker stopped without a word (killed, or its machine lost): running, with no heartbeat for
/// <see cref="CatalogueImport.StaleAfter"/>. Their writes rolled back with their transaction, so each is queued again
/// for any worker, from the start; one that has stopped <see cref="MaxAttempts"/> times fails instead. Runs when the
/// worker starts, then every minute.
/// </summary>
internal sealed partial class AbandonedImportSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AbandonedImportSweep> logger) : BackgroundService
{
    public const int MaxAttempts = 3;

    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }

            await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Queues again (or fails) every abandoned import; returns how many it found.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - CatalogueImport.StaleAfter;
        var abandoned = await db.Set<Import>().AsNoTracking()
            .Where(import => (import.Status == ImportStatus.Queued && import.HeartbeatAt != null)
                || ((import.Status == ImportStatus.Checking || import.Status == ImportStatus.Writing) && (import.HeartbeatAt == null || import.HeartbeatAt < staleBefore)))
            .Select(import => new { import.Id, import.Attempts })
            .ToListAsync(cancellationToken);
        foreach (var import in abandoned)
        {
            var running = db.Set<Import>().Where(i => i.Id == import.Id
                && ((i.Status == ImportStatus.Queued && i.HeartbeatAt != null)
                    || ((i.Status == ImportStatus.Checking || i.Status == ImportStatus.Writing) && (i.HeartbeatAt == null || i.HeartbeatAt < staleBefore))));
            if (import.Attempts >= MaxAttempts)
            {
                await running.ExecuteUpdateAsync(
                    set => set.SetProperty(i => i.Status, ImportStatus.Failed)
                        .SetProperty(i => i.Message, $"The import stopped with its worker {MaxAttempts} times, so it was given up; nothing was written.")
                        .SetProperty(i => i.FinishedAt, now),
                    cancellationToken);
                continue;
            }

            // Queued again and its event recorded in one transaction: a worker will take it.
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                if (await running.ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, ImportStatus.Queued).SetProperty(i => i.HeartbeatAt, (DateTime?)null), token) == 1)
                {
                    db.Set<OutboxMessage>().Add(OutboxMessage.For(new ImportRequested(import.Id), now));
                    await db.SaveChangesAsync(token);
                }

                await transaction.CommitAsync(token);
                db.ChangeTracker.Clear();
            }, cancellationToken);
            LogRequeued(import.Id);
        }

        return abandoned.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} lost its worker; queued it again")]
    private partial void LogRequeued(Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for abandoned imports failed; will look again")]
    private partial void LogSweepFailed(Exception exception);
}
