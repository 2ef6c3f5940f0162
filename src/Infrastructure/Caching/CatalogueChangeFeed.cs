using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// Tells this node about every change to the catalogue committed by any node or process: PostgreSQL's triggers notify
/// <see cref="CatalogueTables.Channel"/> at each such commit. The cache serves only while the node listens (see
/// <see cref="NotificationListener"/> for when that is); when it stops, so does the cache, which starts afresh once
/// listening again.
/// <para>
/// Listening is proved, not assumed: while the cache is being read, this node writes a heartbeat every
/// <see cref="CacheOptions.HeartbeatInterval"/> (<see cref="CatalogueHeartbeat"/>), which comes back on this channel as
/// a change would, and checks the triggers. Each beat heard lets the cache answer from memory for
/// <see cref="CacheOptions.StaleAfter"/> from when it was sent; a beat not heard by then, or a trigger missing or not
/// enabled <c>ALWAYS</c>, stops the cache and makes the node listen again on a new connection. A node nobody reads from
/// does not beat: its next read goes to the database, and starts the beat again.
/// </para>
/// </summary>
internal sealed partial class CatalogueChangeFeed(
    CatalogueCache cache,
    CatalogueHeartbeat heartbeat,
    IOptions<CacheOptions> options,
    TimeProvider time,
    ILogger<CatalogueChangeFeed> logger)
    : NotificationChannel
{
    private readonly Lock _beats = new();
    private readonly Queue<(long Beat, long SentAt)> _unheard = new(); // sent since listening started, not heard yet; oldest first

    public override NotificationSource Source => CatalogueTables.Source;

    public override void Heard(string payload)
    {
        if (!payload.StartsWith(CatalogueTables.HeartbeatPrefix, StringComparison.Ordinal))
            cache.Invalidate(CatalogueTables.Parse(payload));
        else if (heartbeat.IsOwn(payload, out var beat))
            Confirm(beat);
        // Another node's beat: nothing changed.
    }

    public override void Listening()
    {
        // Every change committed from now on will be heard; nothing was kept before.
        cache.StartServing();
        LogListening(logger);
    }

    public override void NotListening(Exception? cause, TimeSpan retryIn)
    {
        cache.StopServing();
        if (cause is not null)
            LogLost(logger, cause, retryIn.TotalSeconds);
    }

    public override async Task WhileListeningAsync(CancellationToken stoppingToken)
    {
        var (interval, staleAfter) = (options.Value.HeartbeatInterval, options.Value.StaleAfter);
        lock (_beats)
            _unheard.Clear();
        var nextBeat = time.GetTimestamp();
        while (true)
        {
            if (time.GetTimestamp() >= nextBeat && cache.WasReadWithin(staleAfter))
            {
                var sentAt = time.GetTimestamp();
                nextBeat = sentAt + (long)(interval.TotalSeconds * time.TimestampFrequency);
                var beat = heartbeat.Next();
                // Recorded before it is written: the listening connection may hear it as soon as it is committed.
                lock (_beats)
                    _unheard.Enqueue((beat, sentAt));
                await BeatAsync(beat, staleAfter, stoppingToken);
            }

            lock (_beats)
            {
                if (_unheard.TryPeek(out var oldest) && time.GetElapsedTime(oldest.SentAt) > staleAfter)
                    throw new TimeoutException($"This node's heartbeat {oldest.Beat} has not come back in {staleAfter.TotalSeconds} s: the listening connection is not delivering notifications");
            }

            await Task.Delay(interval / 4, stoppingToken);
        }
    }

    private async Task BeatAsync(long beat, TimeSpan staleAfter, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(staleAfter);
        try
        {
            await heartbeat.BeatAsync(beat, timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Writing this node's heartbeat took more than {staleAfter.TotalSeconds} s");
        }
    }

    /// <summary>Beats are heard in the order sent, after every change committed before them.</summary>
    private void Confirm(long beat)
    {
        lock (_beats)
        {
            long? sentAt = null;
            while (_unheard.TryPeek(out var sent) && sent.Beat <= beat)
                sentAt = _unheard.Dequeue().SentAt;
            if (sentAt is { } confirmed)
                cache.Confirm(confirmed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue cache on: listening for changes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue cache off: not hearing the catalogue's change notifications, or not sure to; trying again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
