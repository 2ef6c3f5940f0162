namespace Overholt.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files to <see cref="EmailOptions.PickupDirectory"/>: works on a fresh machine with no mail server.</summary>
    Pickup,

    /// <summary>Send through the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}
