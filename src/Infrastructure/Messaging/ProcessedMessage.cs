namespace Overholt.Infrastructure.Messaging;

/// <summary>A consumer's claim on an outbox message, and when its work for the message succeeded.</summary>
public sealed class ProcessedMessage(Guid messageId, string consumer, DateTime claimedAt, string processedBy)
{
    public Guid MessageId { get; private set; } = messageId;

    public string Consumer { get; private set; } = consumer;

    /// <summary>When the current claim was taken; an old claim with no <see cref="ProcessedAt"/> was abandoned.</summary>
    public DateTime ClaimedAt { get; private set; } = claimedAt;

    /// <summary>When the work succeeded; null while it is under way.</summary>
    public DateTime? ProcessedAt { get; private set; }

    /// <summary>The worker instance that holds the claim.</summary>
    public string ProcessedBy { get; private set; } = processedBy;
}
