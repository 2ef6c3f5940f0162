using Npgsql;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// PostgreSQL's notification of new outbox messages: the trigger of migration <c>NotifyOutboxMessages</c> notifies
/// <see cref="Channel"/> at every commit that inserts some, and each worker listens on a connection of its own: the
/// app's, unpooled (it stays in LISTEN), with a keepalive every 10 seconds unless the string sets one, so a
/// connection that died silently is noticed.
/// </summary>
internal sealed class OutboxNotifications
{
    public const string Channel = "outbox_message";

    public const string TriggerName = "outbox_message_inserted";

    public OutboxNotifications(string connectionString)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "overholt-outbox-listener" };
        if (listening.KeepAlive == 0)
            listening.KeepAlive = 10;
        ConnectionString = listening.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>How long to wait before listening again; meanwhile the dispatcher polls every <c>Jobs:PollInterval</c>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
