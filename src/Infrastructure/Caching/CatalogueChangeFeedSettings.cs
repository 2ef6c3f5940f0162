using Npgsql;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// The listening connection: the app's, unpooled (it stays in LISTEN) and with a keepalive query every 10 seconds
/// unless the string sets one, so a connection that died silently is noticed.
/// </summary>
internal sealed class CatalogueChangeFeedSettings
{
    public CatalogueChangeFeedSettings(string connectionString)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "overholt-catalogue-feed" };
        if (listening.KeepAlive == 0)
            listening.KeepAlive = 10;
        ConnectionString = listening.ConnectionString;
    }

    public string ConnectionString { get; }

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
