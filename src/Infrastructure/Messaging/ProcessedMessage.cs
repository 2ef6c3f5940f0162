namespace Overholt.Infrastructure.Messaging;

/// <summary>A consumer finished its work for an outbox message; the key (message, consumer) makes the work happen once.</summary>
public sealed class ProcessedMessage(Guid messageId, string consumer, DateTime processedAt, string processedBy)
{
    public Guid MessageId { get; private set; } = messageId;

    public string Consumer { get; private set; } = consumer;

    public DateTime ProcessedAt { get; private set; } = processedAt;

    /// <summary>The worker instance that did the work.</summary>
    public string ProcessedBy { get; private set; } = processedBy;
}
