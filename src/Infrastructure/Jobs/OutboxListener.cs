using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// Wakes this worker's outbox dispatcher as soon as any node commits an outbox message. It counts as listening only
/// once the notification trigger exists and its own probe notification has come back through the database (a proxy
/// that pools connections per transaction delivers none); until then, and whenever the connection is lost, the
/// dispatcher polls every <c>Jobs:PollInterval</c>, and this tries again after <see cref="OutboxNotifications.RetryDelay"/>.
/// </summary>
internal sealed partial class OutboxListener(OutboxSignal signal, OutboxNotifications notifications, ILogger<OutboxListener> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

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
                return;
            }
            catch (Exception exception) // whatever broke, the dispatcher goes on polling
            {
                LogLost(logger, exception, notifications.RetryDelay.TotalSeconds);
            }
            finally
            {
                signal.SetListening(false);
            }

            try
            {
                await Task.Delay(notifications.RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var probe = Guid.NewGuid().ToString("N");
        var probeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new NpgsqlConnection(notifications.ConnectionString);
        connection.Notification += (_, notification) =>
        {
            if (notification.Payload == probe)
                probeHeard.TrySetResult();
            else
                signal.Wake();
        };
        await connection.OpenAsync(stoppingToken);
        await ExecuteAsync(connection, $"LISTEN {OutboxNotifications.Channel}", stoppingToken);

        await using (var trigger = new NpgsqlCommand($"SELECT count(*) FROM pg_trigger WHERE tgname = '{OutboxNotifications.TriggerName}'", connection))
        {
            if ((long)(await trigger.ExecuteScalarAsync(stoppingToken))! == 0)
                throw new InvalidOperationException("The outbox's notification trigger is missing: apply the migrations");
        }

        await ExecuteAsync(connection, $"SELECT pg_notify('{OutboxNotifications.Channel}', '{probe}')", stoppingToken);
        while (!probeHeard.Task.IsCompleted)
        {
            if (!await connection.WaitAsync(ProbeTimeout, stoppingToken))
                throw new TimeoutException("The database did not deliver this worker's own notification: is a proxy pooling connections per transaction?");
        }

        // Every message committed from now on wakes the dispatcher; it now reads what was committed before.
        signal.SetListening(true);
        LogListening(logger);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher woken by the database's notifications")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not hearing the outbox's notifications: polling the outbox instead; trying again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
