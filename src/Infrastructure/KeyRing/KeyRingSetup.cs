using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.KeyRing;

/// <summary>
/// One data-protection key ring for every node, in the database: a cookie, bearer token or antiforgery token issued by
/// one node is read by any other, and by a node replaced by a fresh container. With <c>DataProtection:Certificate</c>
/// set, each key is encrypted with the certificate before it is stored, so the table alone (a backup, read-only SQL
/// access) does not give the keys away.
/// </summary>
internal static class KeyRingSetup
{
    /// <summary>Fixed, so the ring is the same whatever directory the app runs from.</summary>
    public const string ApplicationName = "Overholt";

    public static void AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var certificates = LoadCertificates(configuration);
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<OverholtDbContext>();
        // Keys written before a certificate was configured are plain XML, and are read as they are.
        if (certificates.Current is not null)
            dataProtection.ProtectKeysWithCertificate(certificates.Current);
        if (certificates.Previous.Count > 0)
            dataProtection.UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        services.AddSingleton(certificates);
        services.AddHostedService<KeyRingProtectionNotice>();
    }

    /// <summary>Loads every configured certificate now, so that a setting that cannot work stops the app at start, naming its key.</summary>
    private static KeyRingCertificates LoadCertificates(IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var baseDirectory = configuration[HostDefaults.ContentRootKey] is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        var failures = new List<string>();
        var loaded = new List<X509Certificate2>();

        X509Certificate2? Load(CertificateFile? file, string setting)
        {
            if (file is null || file.IsEmpty)
                return null;
            try
            {
                var certificate = CertificateFiles.Load(file, setting, baseDirectory);
                loaded.Add(certificate);
                return certificate;
            }
            catch (InvalidOperationException exception)
            {
                failures.Add(exception.Message);
                return null;
            }
        }

        var current = Load(options.Certificate, $"{KeyRingOptions.Section}:Certificate");
        var previous = options.PreviousCertificates
            .Select((file, index) => Load(file, $"{KeyRingOptions.Section}:PreviousCertificates:{index}"))
            .OfType<X509Certificate2>()
            .ToList();
        if (failures.Count == 0)
            return new KeyRingCertificates(current, previous);

        foreach (var certificate in loaded)
            certificate.Dispose();
        throw new InvalidOperationException(string.Join(" ", failures));
    }
}

/// <summary>The certificates the key ring is protected with, as configured: <see cref="Current"/> encrypts, all of them read.</summary>
internal sealed record KeyRingCertificates(X509Certificate2? Current, IReadOnlyList<X509Certificate2> Previous);
