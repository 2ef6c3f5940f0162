namespace Overholt.Infrastructure.Email;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
