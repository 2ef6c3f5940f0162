using Microsoft.Extensions.Logging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// Tells this node about every change to the catalogue committed by any node or process: PostgreSQL's triggers notify
/// <see cref="CatalogueTables.Channel"/> at each such commit. The cache serves only while this listens (see
/// <see cref="NotificationListener"/> for when that is); when it stops, so does the cache, which starts afresh once
/// listening again.
/// </summary>
internal sealed partial class CatalogueChangeFeed(CatalogueCache cache, CatalogueChangeFeedSettings settings, ILogger<CatalogueChangeFeed> logger)
    : NotificationListener(settings.Connection)
{
    protected override (string Channel, string TriggerNames, int TriggerCount) Source =>
        (CatalogueTables.Channel, CatalogueTables.TriggerNames, CatalogueTables.TriggerCount);

    protected override void Heard() => cache.Invalidate();

    protected override void Listening()
    {
        // Every change committed from now on will be heard; nothing was kept before.
        cache.StartServing();
        LogListening(logger);
    }

    protected override void NotListening(Exception? cause, TimeSpan retryIn)
    {
        cache.StopServing();
        if (cause is not null)
            LogLost(logger, cause, retryIn.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue cache on: listening for changes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue cache off: not hearing the catalogue's change notifications; trying again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
