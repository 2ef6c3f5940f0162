using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The node's listening connection (<see cref="NotificationListener"/>): the app's, unpooled (it stays in LISTEN), named
/// <see cref="ApplicationName"/> for <c>pg_stat_activity</c>, and with a keepalive every 10 seconds unless the string
/// sets one, so a connection that died silently is noticed (the catalogue feed also proves it with its heartbeat).
/// </summary>
internal sealed record ListeningConnection
{
    public const string ApplicationName = "overholt-listener";

    public ListeningConnection(string connectionString)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ApplicationName };
        if (listening.KeepAlive == 0)
            listening.KeepAlive = 10;
        ConnectionString = listening.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>How long to wait before listening again.</summary>
    public TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(1);
}
