namespace Overholt.Infrastructure.Email;

/// <summary>The <c>Email</c> configuration section, validated at start-up.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    public string From { get; set; } = "info@overholt.com";

    /// <summary>Relative paths are under the app's content root.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>
    /// Where the app is reached from users' browsers (e.g. <c>https://overholt.example.com</c>), for the links in emails.
    /// Unset, password recovery by email is off: a link must never point where a request's Host header says.
    /// </summary>
    public Uri? LinkBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}
