using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Caching;

/// <summary>Where the catalogue's change feed listens; registered only where there is one (PostgreSQL, cache on).</summary>
internal sealed class CatalogueChangeFeedSettings(string connectionString)
{
    public ListeningConnection Connection { get; } = new(connectionString, "overholt-catalogue-feed", retryDelay: TimeSpan.FromSeconds(1));

    /// <summary>The app's own connection string, pooled as every query's: heartbeats take the way changes take.</summary>
    public string PooledConnectionString { get; } = ProviderConfiguration.WithPostgresDefaults(connectionString);
}
