using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Health;

/// <summary>Ready when the database answers and every migration this build knows is applied (one small query).</summary>
internal sealed class DatabaseHealthCheck(OverholtDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var once = OverholtExecutionStrategy.WithoutRetries(); // a probe answers now, it does not wait out an outage
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("The database has migrations to apply: run the migration step.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
