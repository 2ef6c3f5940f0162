using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Overholt.Application.Email;

namespace Overholt.Infrastructure.Email;

/// <summary>Sends through an SMTP server with MailKit. Any failure (unreachable, rejected) throws, so the job retries.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value;
        var smtp = email.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        // Host and the credentials pair are checked at start-up by EmailOptionsValidator.
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password!, cancellationToken);
        await client.SendAsync(MimeMessages.Create(message, email.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
