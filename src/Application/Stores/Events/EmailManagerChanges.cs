using Ardalis.Specification;
using Mediator;
using Microsoft.Extensions.Logging;
using Overholt.Application.Email;
using Overholt.Application.Messaging;
using Overholt.Application.Persistence;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Events;

/// <summary>
/// Emails a user who was added to or removed from a store's managers: the original's
/// <c>send_manager_added_email</c> and <c>send_manager_removed_email</c> tasks. Runs in a background job;
/// a failure to send throws, so the job is retried.
/// </summary>
public sealed partial class EmailManagerChanges(
    IReadRepository<Store> stores,
    IUserDirectory users,
    IEmailSender email,
    IProcessedMessages processed,
    ILogger<EmailManagerChanges> logger)
    : INotificationHandler<ManagerAddedNotification>, INotificationHandler<ManagerRemovedNotification>
{
    public ValueTask Handle(ManagerAddedNotification notification, CancellationToken cancellationToken) =>
        new(SendAsync(notification.MessageId, "manager-added", notification.StoreId, notification.UserId, cancellationToken));

    public ValueTask Handle(ManagerRemovedNotification notification, CancellationToken cancellationToken) =>
        new(SendAsync(notification.MessageId, "manager-removed", notification.StoreId, notification.UserId, cancellationToken));

    private async Task SendAsync(Guid messageId, string template, int storeId, int userId, CancellationToken cancellationToken)
    {
        var storeName = await stores.FirstOrDefaultAsync(new StoreNameSpec(storeId), cancellationToken);
        var emails = await users.GetEmailsAsync([userId], cancellationToken);
        if (storeName is null || !emails.TryGetValue(userId, out var to))
        {
            // The store or the user was deleted before the job ran: there is nobody or nothing left to tell.
            LogSkipped(template, storeId, userId);
            return;
        }

        var message = EmailTemplates.Render(template, to, new Dictionary<string, string> { ["store"] = storeName, ["email"] = to });
        await processed.RunOnceAsync(messageId, nameof(EmailManagerChanges), token => email.SendCountedAsync(message, token), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not sending {Template}: store {StoreId} or user {UserId} no longer exists")]
    private partial void LogSkipped(string template, int storeId, int userId);

    private sealed class StoreNameSpec : Specification<Store, string>, ISingleResultSpecification<Store, string>
    {
        public StoreNameSpec(int storeId) => Query.Where(store => store.Id == storeId).Select(store => store.Name);
    }
}
