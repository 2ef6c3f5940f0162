using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// Tells this node about every change to the catalogue committed by any node or process: PostgreSQL's triggers notify
/// <see cref="CatalogueTables.Channel"/> at each such commit, and this listens on a connection of its own. The cache
/// serves only while it listens; when the connection is lost it stops, and starts afresh once listening again.
/// </summary>
internal sealed partial class CatalogueChangeFeed(CatalogueCache cache, CatalogueChangeFeedSettings settings, ILogger<CatalogueChangeFeed> logger)
    : BackgroundService
{
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
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
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
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Notification += (_, _) => cache.Invalidate();
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {CatalogueTables.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        // Every change committed from now on will be heard; nothing was kept before.
        cache.StartServing();
        LogListening(logger);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue cache on: listening for changes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue cache off: lost the change notifications; listening again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
