using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Telemetry;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// The outbox's backlog and the age of its oldest waiting message, read from the database when metrics are collected
/// (every export interval), not on any request. Created only when metrics are exported.
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter = new(OverholtTelemetry.Name);

    public OutboxMetrics(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _meter.CreateObservableGauge("overholt.outbox.backlog", () => Read(scopes, waiting => waiting.Count()), description: "Outbox messages not dispatched yet.");
        _meter.CreateObservableGauge(
            "overholt.outbox.age",
            () => Read(scopes, waiting => waiting.Min(message => (DateTime?)message.OccurredAt)) is { } oldest ? (clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds : 0,
            unit: "s",
            description: "How long the oldest undispatched outbox message has waited.");
    }

    public void Dispose() => _meter.Dispose();

    private static T Read<T>(IServiceScopeFactory scopes, Func<IQueryable<OutboxMessage>, T> read)
    {
        using var scope = scopes.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<OverholtDbContext>().Set<OutboxMessage>().AsNoTracking().Where(message => message.DispatchedAt == null));
    }
}
