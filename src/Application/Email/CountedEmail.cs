using Overholt.Application.Telemetry;

namespace Overholt.Application.Email;

public static class CountedEmail
{
    /// <summary>Sends <paramref name="message"/>, counting it in the sent or failed metric; a failure still throws, so the job is retried.</summary>
    public static async Task SendCountedAsync(this IEmailSender email, EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(message, cancellationToken);
        }
        catch
        {
            OverholtTelemetry.EmailsFailed.Add(1);
            throw;
        }

        OverholtTelemetry.EmailsSent.Add(1);
    }
}
