using MimeKit;
using Overholt.Application.Email;

namespace Overholt.Infrastructure.Email;

internal static class MimeMessages
{
    /// <summary>A multipart/alternative message: the plain text part first, the HTML part preferred by mail clients.</summary>
    public static MimeMessage Create(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
