using Mediator;

namespace Overholt.Application.Stores.Events;

/// <summary>A user stopped managing a store (from outbox message <see cref="MessageId"/>).</summary>
public sealed record ManagerRemovedNotification(Guid MessageId, int StoreId, int UserId) : INotification;
