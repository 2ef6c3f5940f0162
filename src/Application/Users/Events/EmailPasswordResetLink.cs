using System.Globalization;
using Mediator;
using Microsoft.Extensions.Logging;
using Overholt.Application.Email;
using Overholt.Application.Messaging;

namespace Overholt.Application.Users.Events;

/// <summary>
/// Emails a password reset link to the account that has the requested address, from a background job. An address no
/// active account has gets nothing: the person who asked was told the same either way.
/// </summary>
public sealed partial class EmailPasswordResetLink(
    IUserAccounts accounts,
    IEmailSender email,
    IProcessedMessages processed,
    ILogger<EmailPasswordResetLink> logger)
    : INotificationHandler<PasswordResetRequestedNotification>
{
    public async ValueTask Handle(PasswordResetRequestedNotification notification, CancellationToken cancellationToken)
    {
        await processed.RunOnceAsync(notification.MessageId, nameof(EmailPasswordResetLink), async token =>
        {
            // Made when sent, so a link is never stored, and lives its whole lifetime from the moment it can be read.
            var link = await accounts.CreatePasswordResetLinkAsync(notification.Email, token);
            if (link is null)
            {
                LogNoAccount(notification.MessageId);
                return;
            }

            var message = EmailTemplates.Render("password-reset", link.To, new Dictionary<string, string>
            {
                ["email"] = link.To,
                ["link"] = link.Url.AbsoluteUri,
                ["minutes"] = ((int)link.ValidFor.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            });
            await email.SendCountedAsync(message, token);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No password reset email for outbox message {MessageId}: no active account has the address, or recovery by email is not set up")]
    private partial void LogNoAccount(Guid messageId);
}
