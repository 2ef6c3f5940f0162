using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Overholt.Infrastructure.KeyRing;

/// <summary>
/// Says at start-up how the key ring is protected at rest; outside Development, a warning while it is not, naming the
/// setting that fixes it.
/// </summary>
internal sealed partial class KeyRingProtectionNotice(KeyRingCertificates certificates, IHostEnvironment environment, ILogger<KeyRingProtectionNotice> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (certificates.Current is { } current)
            LogProtected(current.Subject, current.Thumbprint, current.NotAfter, certificates.Previous.Count);
        else if (environment.IsDevelopment())
            LogUnprotectedInDevelopment();
        else
            LogUnprotected();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection keys are encrypted at rest with the certificate {Subject} ({Thumbprint}, until {NotAfter:yyyy-MM-dd}); {PreviousCount} previous certificate(s) kept to read older keys")]
    private partial void LogProtected(string subject, string thumbprint, DateTime notAfter, int previousCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection keys are stored unencrypted in the database (table data_protection_keys): anyone who can read that table, in a backup or with read-only SQL access, can forge sign-in cookies and bearer tokens. Set DataProtection:Certificate:Path (and DataProtection:Certificate:KeyPath or :Password) to a certificate that encrypts them; see docs/deployment.md")]
    private partial void LogUnprotected();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Data-protection keys are stored unencrypted (no DataProtection:Certificate), which is fine for development")]
    private partial void LogUnprotectedInDevelopment();
}
