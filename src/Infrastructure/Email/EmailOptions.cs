using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Overholt.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files to <see cref="EmailOptions.PickupDirectory"/>: works on a fresh machine with no mail server.</summary>
    Pickup,

    /// <summary>Send through the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Email</c> configuration section, validated at start-up.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    public string From { get; set; } = "info@overholt.com";

    /// <summary>Relative paths are under the app's content root.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How long to wait for the server before the send fails (and its job is retried).</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Refuses to start with an email configuration that cannot work, saying which key is wrong.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.From, out _))
            failures.Add($"Email:From '{options.From}' is not an email address.");
        if (options.Delivery == EmailDelivery.Pickup && string.IsNullOrWhiteSpace(options.PickupDirectory))
            failures.Add("Email:PickupDirectory is required when Email:Delivery is Pickup.");
        if (options.Delivery == EmailDelivery.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
                failures.Add("Email:Smtp:Host is required when Email:Delivery is Smtp.");
            if (smtp.Port is < 1 or > 65535)
                failures.Add($"Email:Smtp:Port {smtp.Port} is not a port (1-65535).");
            if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
                failures.Add("Email:Smtp:Username and Email:Smtp:Password are set together or not at all.");
            if (smtp.TimeoutSeconds < 1)
                failures.Add("Email:Smtp:TimeoutSeconds must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
