namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// What this node listens to on its listening connection (<see cref="NotificationListener"/>): one notification channel,
/// and what to do with what it carries.
/// </summary>
internal abstract class NotificationChannel
{
    /// <summary>The channel, and the triggers that must exist, enabled, to notify it.</summary>
    public abstract NotificationSource Source { get; }

    /// <summary>A notification on the channel other than a listener's probe (this node's, or another's starting to listen).</summary>
    public abstract void Heard(string payload);

    /// <summary>From now on every notification is heard.</summary>
    public abstract void Listening();

    /// <summary>Notifications may be missed from now on, until <see cref="Listening"/> again; <paramref name="cause"/> is null when stopping.</summary>
    public abstract void NotListening(Exception? cause, TimeSpan retryIn);

    /// <summary>
    /// Runs while listening, beside the connection's wait for notifications, and returns or throws only when listening
    /// must start again: by default, never. A channel that must prove the connection still delivers checks that here.
    /// </summary>
    public virtual Task WhileListeningAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
}
