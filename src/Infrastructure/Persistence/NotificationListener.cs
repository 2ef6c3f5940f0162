using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Listens to a PostgreSQL notification channel on a connection of its own. It counts as listening only once the
/// triggers that notify the channel exist and its own probe notification has come back through the database (a proxy
/// that pools connections per transaction delivers none); whenever that fails or the connection is lost, it says so
/// and tries again after <see cref="ListeningConnection.RetryDelay"/>. Whatever breaks, the app goes on without it.
/// </summary>
internal abstract class NotificationListener(ListeningConnection connection) : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The channel, and the triggers (an SQL list of names, and how many) that must exist to notify it.</summary>
    protected abstract (string Channel, string TriggerNames, int TriggerCount) Source { get; }

    /// <summary>A notification from someone else.</summary>
    protected abstract void Heard();

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
        var (channel, triggerNames, triggerCount) = Source;
        var probe = Guid.NewGuid().ToString("N");
        var probeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listening = new NpgsqlConnection(connection.ConnectionString);
        listening.Notification += (_, notification) =>
        {
            if (notification.Payload == probe)
                probeHeard.TrySetResult();
            else
                Heard();
        };
        await listening.OpenAsync(stoppingToken);
        await ExecuteAsync(listening, $"LISTEN {channel}", stoppingToken);

        await using (var triggers = new NpgsqlCommand($"SELECT count(*) FROM pg_trigger WHERE tgname IN ({triggerNames}) AND tgenabled <> 'D'", listening))
        {
            if ((long)(await triggers.ExecuteScalarAsync(stoppingToken))! < triggerCount)
                throw new InvalidOperationException($"The triggers that notify {channel} are missing or disabled: apply the migrations");
        }

        await ExecuteAsync(listening, $"SELECT pg_notify('{channel}', '{probe}')", stoppingToken);
        while (!probeHeard.Task.IsCompleted)
        {
            if (!await listening.WaitAsync(ProbeTimeout, stoppingToken))
                throw new TimeoutException("The database did not deliver this node's own notification: is a proxy pooling connections per transaction?");
        }

        Listening();
        while (true)
            await listening.WaitAsync(stoppingToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
