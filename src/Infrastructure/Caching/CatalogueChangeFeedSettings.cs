using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>Where the catalogue's change feed writes its heartbeat; registered only where there is one (PostgreSQL, cache on).</summary>
internal sealed class CatalogueChangeFeedSettings(string connectionString)
{
    /// <summary>The app's own connection string, pooled as every query's: heartbeats take the way changes take.</summary>
    public string PooledConnectionString { get; } = ProviderConfiguration.WithPostgresDefaults(connectionString);
}
