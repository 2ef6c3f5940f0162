using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Overholt.Infrastructure.Email;

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
        if (options.LinkBaseUrl is { } linkBase && (!linkBase.IsAbsoluteUri || linkBase.Scheme is not ("http" or "https") || linkBase.Query.Length > 0 || linkBase.Fragment.Length > 0))
            failures.Add($"Email:LinkBaseUrl '{linkBase}' is not an absolute http or https address without query or fragment.");
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
