using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// A listening connection: the app's, unpooled (it stays in LISTEN), named for <c>pg_stat_activity</c>, and with a
/// keepalive every 10 seconds unless the string sets one, so a connection that died silently is noticed. (Npgsql sends
/// it only during a wait that long: the catalogue feed, which waits in short slices, proves its connection with its
/// heartbeat instead.)
/// </summary>
internal sealed record ListeningConnection
{
    public ListeningConnection(string connectionString, string applicationName, TimeSpan retryDelay)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName };
        if (listening.KeepAlive == 0)
            listening.KeepAlive = 10;
        ConnectionString = listening.ConnectionString;
        RetryDelay = retryDelay;
    }

    public string ConnectionString { get; }

    /// <summary>How long to wait before listening again.</summary>
    public TimeSpan RetryDelay { get; }
}
