using Mediator;
using Overholt.Application.Imports.Events;
using Overholt.Application.Stores.Events;
using Overholt.Application.Users.Events;
using Overholt.Domain.Imports;
using Overholt.Domain.Primitives;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Messaging;

/// <summary>Turns a domain event read from the outbox into the notification its handlers listen for.</summary>
public static class DomainEventNotifications
{
    public static INotification From(Guid messageId, IDomainEvent domainEvent) => domainEvent switch
    {
        ManagerAdded added => new ManagerAddedNotification(messageId, added.StoreId, added.UserId),
        ManagerRemoved removed => new ManagerRemovedNotification(messageId, removed.StoreId, removed.UserId),
        ImportRequested import => new ImportRequestedNotification(messageId, import.ImportId),
        PasswordResetRequested reset => new PasswordResetRequestedNotification(messageId, reset.Email),
        _ => throw new ArgumentException($"No notification for {domainEvent.GetType().Name}", nameof(domainEvent)),
    };
}
