using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Overholt.Infrastructure.Health;

/// <summary>
/// Health as .NET Aspire's service defaults have it: checks tagged <see cref="Live"/> say the process runs
/// (<c>/alive</c>); all checks together say it can serve (<c>/health</c>): the database, the outbox and the catalogue cache's change feed.
/// </summary>
public static class HealthChecksSetup
{
    public const string Live = "live";

    /// <summary>A check that does not answer by then counts as unhealthy: a stopped database must not hang the probe.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddOverholtHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddCheck<DatabaseHealthCheck>("database", timeout: Timeout)
            .AddCheck<OutboxHealthCheck>("outbox", timeout: Timeout)
            .AddCheck<CatalogueCacheHealthCheck>("catalogue-cache");
        return services;
    }
}
