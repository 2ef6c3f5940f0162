using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// PostgreSQL's notification of new outbox messages: the trigger of migration <c>NotifyOutboxMessages</c> notifies
/// <see cref="Channel"/> at every commit that inserts some, and each worker listens (<see cref="OutboxListener"/>).
/// </summary>
internal static class OutboxNotifications
{
    public const string Channel = "outbox_message";

    public const string TriggerName = "outbox_message_inserted";

    /// <summary>
    /// The trigger fires for the app's own writes when enabled as created (<c>O</c>) or <c>ALWAYS</c> (<c>A</c>); not
    /// when disabled (<c>D</c>) or enabled for replicas only (<c>R</c>).
    /// </summary>
    public static readonly NotificationSource Source = new(Channel, $"'{TriggerName}'", TriggerCount: 1, FiringStates: "'O', 'A'");
}
