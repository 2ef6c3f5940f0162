namespace Overholt.Infrastructure.Email;

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
