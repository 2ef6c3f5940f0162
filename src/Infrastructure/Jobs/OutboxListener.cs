using Microsoft.Extensions.Logging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// Wakes this worker's outbox dispatcher as soon as any node commits an outbox message. While the node does not listen
/// (see <see cref="NotificationListener"/> for when that is), the dispatcher polls every <c>Jobs:PollInterval</c>.
/// </summary>
internal sealed partial class OutboxListener(OutboxSignal signal, ILogger<OutboxListener> logger) : NotificationChannel
{
    public override NotificationSource Source => OutboxNotifications.Source;

    public override void Heard(string payload) => signal.Wake();

    public override void Listening()
    {
        // Every message committed from now on wakes the dispatcher; it now reads what was committed before.
        signal.SetListening(true);
        LogListening(logger);
    }

    public override void NotListening(Exception? cause, TimeSpan retryIn)
    {
        signal.SetListening(false);
        if (cause is not null)
            LogLost(logger, cause, retryIn.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher woken by the database's notifications")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not hearing the outbox's notifications: polling the outbox instead; trying again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
