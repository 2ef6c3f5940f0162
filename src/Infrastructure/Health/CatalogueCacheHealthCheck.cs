using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Caching;

namespace Overholt.Infrastructure.Health;

/// <summary>
/// Degraded when the node should keep catalogue reads in memory but cannot show that it hears every change to the
/// catalogue (its listening connection is lost, its own heartbeat did not come back in time, or a catalogue trigger
/// is missing or not enabled ALWAYS): it answers correctly, from the database, only slower.
/// </summary>
internal sealed class CatalogueCacheHealthCheck(IReadCache cache, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(services.GetService<CatalogueChangeFeedSettings>() is not null && !cache.IsServing
            ? HealthCheckResult.Degraded("The catalogue cache is off: this node cannot show that it hears every catalogue change, so every read goes to the database")
            : HealthCheckResult.Healthy());
}
