namespace Overholt.Application.Messaging;

/// <summary>
/// Delivery of outbox messages is at least once; this makes each consumer's work happen once per message.
/// </summary>
public interface IProcessedMessages
{
    /// <summary>
    /// Runs <paramref name="work"/> unless <paramref name="consumer"/> already processed <paramref name="messageId"/>;
    /// the message is recorded as processed only if the work succeeds. Returns whether the work ran.
    /// </summary>
    Task<bool> RunOnceAsync(Guid messageId, string consumer, Func<CancellationToken, Task> work, CancellationToken cancellationToken);
}
