using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Messaging;

namespace Overholt.Infrastructure.Health;

/// <summary>Degraded when the oldest message still waiting in the outbox is older than <c>Health:OutboxMaxAge</c>: no worker is taking them.</summary>
internal sealed class OutboxHealthCheck(OutboxBacklog backlog, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await backlog.OldestAsync(cancellationToken) is { } occurredAt && clock.GetUtcNow().UtcDateTime - occurredAt > options.Value.OutboxMaxAge
            ? HealthCheckResult.Degraded("Outbox messages are waiting longer than allowed: is a worker running?")
            : HealthCheckResult.Healthy();
}
