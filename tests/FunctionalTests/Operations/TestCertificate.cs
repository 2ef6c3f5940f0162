using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Overholt.FunctionalTests.Operations;

/// <summary>
/// A throwaway self-signed RSA certificate written to temp files in each form the <c>DataProtection</c> settings read:
/// a PFX with a password, a PEM certificate with its PEM private key, and a PFX without the private key.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    public const string CurrentSetting = "DataProtection:Certificate";

    private readonly DirectoryInfo _directory;

    private TestCertificate(string name)
    {
        _directory = Directory.CreateTempSubdirectory("overholt-certificate-");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var withoutKey = X509CertificateLoader.LoadCertificate(certificate.RawData);
        RawDataBase64 = Convert.ToBase64String(certificate.RawData);
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllBytes(PfxWithoutKeyPath, withoutKey.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPemPath, rsa.ExportPkcs8PrivateKeyPem());
    }

    public string Password { get; } = "Test-certificate-1";

    public string PfxPath => Path.Combine(_directory.FullName, "keys.pfx");

    public string PfxWithoutKeyPath => Path.Combine(_directory.FullName, "keys-without-private-key.pfx");

    public string CertificatePemPath => Path.Combine(_directory.FullName, "keys.crt");

    public string KeyPemPath => Path.Combine(_directory.FullName, "keys.key");

    /// <summary>The certificate as it appears in an encrypted key's XML (<c>X509Certificate</c> in the <c>KeyInfo</c>).</summary>
    public string RawDataBase64 { get; }

    public static TestCertificate Create(string name) => new(name);

    /// <summary>Settings naming the PFX file and its password, under <paramref name="setting"/>.</summary>
    public Dictionary<string, string?> AsPfx(string setting = CurrentSetting) =>
        new() { [$"{setting}:Path"] = PfxPath, [$"{setting}:Password"] = Password };

    /// <summary>Settings naming the PEM certificate and its PEM private key, under <paramref name="setting"/>.</summary>
    public Dictionary<string, string?> AsPem(string setting = CurrentSetting) =>
        new() { [$"{setting}:Path"] = CertificatePemPath, [$"{setting}:KeyPath"] = KeyPemPath };

    public void Dispose() => _directory.Delete(recursive: true);
}
