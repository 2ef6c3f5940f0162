using System.Text.Json;
using Overholt.Domain.Primitives;

namespace Overholt.Infrastructure.Messaging;

/// <summary>
/// A domain event saved in the same transaction as the change that raised it: the durable record that it must be
/// handled. The dispatcher leases undispatched messages, enqueues a job for each, and marks them dispatched.
/// </summary>
public sealed class OutboxMessage
{
    private static readonly Dictionary<string, Type> EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(type => typeof(IDomainEvent).IsAssignableFrom(type) && type is { IsInterface: false, IsAbstract: false })
        .ToDictionary(type => type.Name);

    private OutboxMessage()
    {
        Type = Payload = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The event's type name; only domain event types can be read back.</summary>
    public string Type { get; private set; }

    public string Payload { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public DateTime? DispatchedAt { get; set; }

    /// <summary>When its job finished. Dispatched but unprocessed messages are re-dispatched by a worker whose job storage is in memory.</summary>
    public DateTime? ProcessedAt { get; private set; }

    /// <summary>The dispatcher instance holding the lease, so two dispatchers never enqueue the same message at once.</summary>
    public string? LockedBy { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public string? JobId { get; set; }

    public static OutboxMessage For(IDomainEvent domainEvent, DateTime occurredAt) => new()
    {
        Id = Guid.NewGuid(),
        Type = domainEvent.GetType().Name,
        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType()),
        OccurredAt = occurredAt,
    };

    public IDomainEvent ReadEvent() =>
        EventTypes.TryGetValue(Type, out var type)
            ? (IDomainEvent)JsonSerializer.Deserialize(Payload, type)!
            : throw new InvalidOperationException($"Outbox message {Id} has unknown event type '{Type}'");
}
