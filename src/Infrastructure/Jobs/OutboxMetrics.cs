using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Telemetry;
using Overholt.Infrastructure.Messaging;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// The outbox's backlog and the age of its oldest waiting message, for metrics. A collection answers with what the
/// previous one started reading (asynchronously, in the background): a gauge's callback is synchronous, and must not
/// block the exporter on the database. Created only when metrics are exported.
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter = new(OverholtTelemetry.Name);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private volatile Reading _last = new(0, null);
    private int _reading;

    public OutboxMetrics(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _meter.CreateObservableGauge("overholt.outbox.backlog", () => Latest().Backlog, description: "Outbox messages not dispatched yet.");
        _meter.CreateObservableGauge(
            "overholt.outbox.age",
            () => Latest().Oldest is { } oldest ? (_clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds : 0,
            unit: "s",
            description: "How long the oldest undispatched outbox message has waited.");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>The last reading; starts the next one unless one is under way.</summary>
    private Reading Latest()
    {
        if (Interlocked.Exchange(ref _reading, 1) == 0)
            _ = ReadAsync();
        return _last;
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var backlog = scope.ServiceProvider.GetRequiredService<OutboxBacklog>();
            _last = new Reading(await backlog.CountAsync(CancellationToken.None), await backlog.OldestAsync(CancellationToken.None));
        }
        catch (Exception)
        {
            // A database that does not answer leaves the last reading; /health reports the database itself.
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private sealed record Reading(int Backlog, DateTime? Oldest);
}
