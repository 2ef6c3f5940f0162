namespace Overholt.Application.Email;

/// <summary>Sends one email. Adapters: SMTP (MailKit) and a pickup directory of .eml files for the embedded default.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
