namespace Overholt.Application.Email;

/// <summary>Sends one email. Adapters: SMTP (MailKit) and a pickup directory of .eml files for the embedded default.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>An email to one recipient, in plain text and HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
