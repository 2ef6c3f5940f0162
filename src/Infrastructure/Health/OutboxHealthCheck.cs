using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Health;

/// <summary>Degraded when the oldest message still waiting in the outbox is older than <c>Health:OutboxMaxAge</c>: no worker is taking them.</summary>
internal sealed class OutboxHealthCheck(OverholtDbContext db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await db.Set<OutboxMessage>()
            .Where(message => message.DispatchedAt == null)
            .OrderBy(message => message.OccurredAt)
            .Select(message => (DateTime?)message.OccurredAt)
            .FirstOrDefaultAsync(cancellationToken);
        return oldest is { } occurredAt && clock.GetUtcNow().UtcDateTime - occurredAt > options.Value.OutboxMaxAge
            ? HealthCheckResult.Degraded("Outbox messages are waiting longer than allowed: is a worker running?")
            : HealthCheckResult.Healthy();
    }
}
