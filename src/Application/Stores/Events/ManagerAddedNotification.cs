using Mediator;

namespace Overholt.Application.Stores.Events;

/// <summary>A user became a manager of a store (from outbox message <see cref="MessageId"/>).</summary>
public sealed record ManagerAddedNotification(Guid MessageId, int StoreId, int UserId) : INotification;
