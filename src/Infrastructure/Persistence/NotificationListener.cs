using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The node's one listening connection to PostgreSQL, for every <see cref="NotificationChannel"/> it needs (the
/// catalogue's changes on a web node, the outbox's messages on a worker, both on one that is both). One, because
/// PostgreSQL wakes every listening backend of a database at each notification, whatever its channel: each listening
/// connection costs every write that notifies.
/// <para>
/// It counts as listening only once, for every channel, the triggers that notify it exist, enabled as the channel
/// requires, and its probe notification has come back through the database (a proxy that pools connections per
/// transaction delivers none). Whenever that fails, a channel's own check fails, or the connection is lost, every
/// channel is told so, and it tries again after <see cref="ListeningConnection.RetryDelay"/>. Whatever breaks, the app
/// goes on without it.
/// </para>
/// </summary>
internal sealed class NotificationListener(ListeningConnection connection, IEnumerable<NotificationChannel> channels) : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What every probe starts with: every node listening on the channel hears it, and none is a change.</summary>
    private const string ProbePrefix = "probe:";

    private readonly Dictionary<string, NotificationChannel> _channels = channels.ToDictionary(channel => channel.Source.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                NotListening(null);
                return;
            }
            catch (Exception exception) // whatever broke, the app goes on without the notifications
            {
                NotListening(exception);
            }

            try
            {
                await Task.Delay(connection.RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void NotListening(Exception? cause)
    {
        foreach (var channel in _channels.Values)
            channel.NotListening(cause, connection.RetryDelay);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var probe = ProbePrefix + Guid.NewGuid().ToString("N");
        var probesUnheard = new HashSet<string>(_channels.Keys, StringComparer.Ordinal);
        await using var listening = new NpgsqlConnection(connection.ConnectionString);
        listening.Notification += (_, notification) =>
        {
            if (notification.Payload == probe)
            {
                lock (probesUnheard)
                    probesUnheard.Remove(notification.Channel);
            }
            else if (!notification.Payload.StartsWith(ProbePrefix, StringComparison.Ordinal) && _channels.TryGetValue(notification.Channel, out var channel))
            {
                channel.Heard(notification.Payload);
            }
        };
        await listening.OpenAsync(stoppingToken);
        foreach (var source in _channels.Values.Select(channel => channel.Source))
        {
            await ExecuteAsync(listening, $"LISTEN {source.Channel}", stoppingToken);
            await using var triggers = new NpgsqlCommand(source.CountFiringTriggersSql, listening);
            if (!source.AllFiring(await triggers.ExecuteScalarAsync(stoppingToken)))
                throw source.NotFiring();
        }

        foreach (var channel in _channels.Keys)
            await ExecuteAsync(listening, $"SELECT pg_notify('{channel}', '{probe}')", stoppingToken);
        while (ProbesUnheard())
        {
            if (!await listening.WaitAsync(ProbeTimeout, stoppingToken))
                throw new TimeoutException("The database did not deliver this node's own notification: is a proxy pooling connections per transaction?");
        }

        foreach (var channel in _channels.Values)
            channel.Listening();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task[] running = [WaitForNotificationsAsync(listening, stop.Token), .. _channels.Values.Select(channel => channel.WhileListeningAsync(stop.Token))];
        try
        {
            await await Task.WhenAny(running);
            throw new InvalidOperationException("Listening stopped without a cause");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // what ended it is thrown above
        }

        bool ProbesUnheard()
        {
            lock (probesUnheard)
                return probesUnheard.Count > 0;
        }
    }

    /// <summary>Notifications are raised (<see cref="NpgsqlConnection.Notification"/>) while the connection waits for them.</summary>
    private static async Task WaitForNotificationsAsync(NpgsqlConnection listening, CancellationToken stoppingToken)
    {
        while (true)
            await listening.WaitAsync(stoppingToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
