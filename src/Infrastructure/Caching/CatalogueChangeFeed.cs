using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// Tells this node about every change to the catalogue committed by any node or process: PostgreSQL's triggers notify
/// <see cref="CatalogueTables.Channel"/> at each such commit, and this listens on a connection of its own. The cache
/// serves only while it listens, once it has checked that the triggers exist and heard its own probe come back
/// through the database (which a proxy that does not deliver notifications fails); when the connection is lost it
/// stops, and starts afresh once listening again.
/// </summary>
internal sealed partial class CatalogueChangeFeed(CatalogueCache cache, CatalogueChangeFeedSettings settings, ILogger<CatalogueChangeFeed> logger)
    : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) // whatever broke, the node must go on answering, from the database
            {
                LogLost(logger, exception, settings.RetryDelay.TotalSeconds);
            }
            finally
            {
                cache.StopServing();
            }

            try
            {
                await Task.Delay(settings.RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var probe = Guid.NewGuid().ToString("N");
        var probeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Notification += (_, notification) =>
        {
            cache.Invalidate();
            if (notification.Payload == probe)
                probeHeard.TrySetResult();
        };
        await connection.OpenAsync(stoppingToken);
        await ExecuteAsync(connection, $"LISTEN {CatalogueTables.Channel}", stoppingToken);

        await using (var triggers = new NpgsqlCommand($"SELECT count(*) FROM pg_trigger WHERE tgname IN ({CatalogueTables.TriggerNames})", connection))
        {
            if ((long)(await triggers.ExecuteScalarAsync(stoppingToken))! < CatalogueTables.TriggerCount)
                throw new InvalidOperationException("The catalogue's notification triggers are missing: apply the migrations");
        }

        await ExecuteAsync(connection, $"SELECT pg_notify('{CatalogueTables.Channel}', '{probe}')", stoppingToken);
        while (!probeHeard.Task.IsCompleted)
        {
            if (!await connection.WaitAsync(ProbeTimeout, stoppingToken))
                throw new TimeoutException("The database did not deliver this node's own notification: is a proxy pooling connections per transaction?");
        }

        // Every change committed from now on will be heard; nothing was kept before.
        cache.StartServing();
        LogListening(logger);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue cache on: listening for changes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue cache off: not hearing the catalogue's change notifications; trying again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
