using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Listens to a PostgreSQL notification channel on a connection of its own. It counts as listening only once the
/// triggers that notify the channel exist, enabled as <see cref="Source"/> requires, and its own probe notification
/// has come back through the database (a proxy that pools connections per transaction delivers none); whenever that
/// fails or the connection is lost, it says so and tries again after <see cref="ListeningConnection.RetryDelay"/>.
/// Whatever breaks, the app goes on without it.
/// </summary>
internal abstract class NotificationListener(ListeningConnection connection) : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What every listener's probe starts with: every node listening on the channel hears it, and none is a change.</summary>
    private const string ProbePrefix = "probe:";

    /// <summary>The channel, and the triggers that must exist, enabled, to notify it.</summary>
    protected abstract NotificationSource Source { get; }

    /// <summary>A notification other than a listener's probe (this node's, or another's starting to listen).</summary>
    protected abstract void Heard(string payload);

    /// <summary>From now on every notification is heard.</summary>
    protected abstract void Listening();

    /// <summary>Notifications may be missed from now on, until <see cref="Listening"/> again; <paramref name="cause"/> is null when stopping.</summary>
    protected abstract void NotListening(Exception? cause, TimeSpan retryIn);

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
                NotListening(null, connection.RetryDelay);
                return;
            }
            catch (Exception exception) // whatever broke, the app goes on without the notifications
            {
                NotListening(exception, connection.RetryDelay);
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

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var source = Source;
        var probe = ProbePrefix + Guid.NewGuid().ToString("N");
        var probeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listening = new NpgsqlConnection(connection.ConnectionString);
        listening.Notification += (_, notification) =>
        {
            if (notification.Payload == probe)
                probeHeard.TrySetResult();
            else if (!notification.Payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
                Heard(notification.Payload);
        };
        await listening.OpenAsync(stoppingToken);
        await ExecuteAsync(listening, $"LISTEN {source.Channel}", stoppingToken);

        await using (var triggers = new NpgsqlCommand(source.CountFiringTriggersSql, listening))
        {
            if (!source.AllFiring(await triggers.ExecuteScalarAsync(stoppingToken)))
                throw source.NotFiring();
        }

        await ExecuteAsync(listening, $"SELECT pg_notify('{source.Channel}', '{probe}')", stoppingToken);
        while (!probeHeard.Task.IsCompleted)
        {
            if (!await listening.WaitAsync(ProbeTimeout, stoppingToken))
                throw new TimeoutException("The database did not deliver this node's own notification: is a proxy pooling connections per transaction?");
        }

        Listening();
        await WhileListeningAsync(listening, stoppingToken);
    }

    /// <summary>
    /// Runs while listening, and returns or throws only when it must stop: by default, waits for notifications for
    /// ever. A listener that must prove it still hears them checks that here.
    /// </summary>
    protected virtual async Task WhileListeningAsync(NpgsqlConnection listening, CancellationToken stoppingToken)
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
