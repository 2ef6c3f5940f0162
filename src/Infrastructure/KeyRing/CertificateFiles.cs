using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Overholt.Infrastructure.KeyRing;

/// <summary>
/// Loads a certificate and its private key from the files a setting names, or says what is wrong in terms of the
/// setting's keys (<c>DataProtection:Certificate:Password</c>...), so that an operator knows what to change.
/// </summary>
internal static class CertificateFiles
{
    private const string CertificateLabel = "CERTIFICATE";
    private const string EncryptedKeyLabel = "ENCRYPTED PRIVATE KEY";
    private static readonly string[] PlainKeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY"];
    private static readonly string[] OtherKeyLabels = ["EC PRIVATE KEY", "DSA PRIVATE KEY"];

    /// <summary>The certificate with its RSA private key; throws <see cref="InvalidOperationException"/> naming the sub-key of <paramref name="setting"/> that is wrong.</summary>
    public static X509Certificate2 Load(CertificateFile file, string setting, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(file.Path))
            throw new InvalidOperationException($"{setting}:Path is not set, but {setting}:{(string.IsNullOrEmpty(file.KeyPath) ? "Password" : "KeyPath")} is: name the certificate file (PFX, or PEM with {setting}:KeyPath).");
        var path = System.IO.Path.GetFullPath(file.Path, baseDirectory);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{setting}:Path: {path} does not exist.");

        var bytes = Read(path, $"{setting}:Path", File.ReadAllBytes);
        var certificate = IsPem(bytes) ? LoadPem(file, setting, path, Encoding.UTF8.GetString(bytes), baseDirectory) : LoadPkcs12(file, setting, path, bytes);
        try
        {
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{setting}:Path: {path} holds a certificate without its private key, which is needed to read the keys it encrypts.");
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
                throw new InvalidOperationException($"{setting}:Path: the certificate in {path} does not have an RSA key; keys are encrypted with RSA (openssl req -newkey rsa:3072 ...).");
            return certificate;
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    private static X509Certificate2 LoadPkcs12(CertificateFile file, string setting, string path, byte[] bytes)
    {
        if (!string.IsNullOrEmpty(file.KeyPath))
            throw new InvalidOperationException($"{setting}:KeyPath is only for a PEM certificate; {path} is not PEM, so it must be a PFX file, which holds its own key.");
        try
        {
            // No key file written by the platform where it can be avoided (macOS cannot load an ephemeral key set).
            var storage = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12(bytes, file.Password, storage);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"{setting}:Password: {path} cannot be opened with {(string.IsNullOrEmpty(file.Password) ? "no password" : "the password given")}: a wrong password, or not a PFX (nor a PEM) file.", exception);
        }
    }

    private static X509Certificate2 LoadPem(CertificateFile file, string setting, string path, string text, string baseDirectory)
    {
        var certificateBlock = Blocks(text).FirstOrDefault(block => block.Label == CertificateLabel);
        if (certificateBlock.Label is null)
            throw new InvalidOperationException($"{setting}:Path: {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        using var certificate = X509CertificateLoader.LoadCertificate(certificateBlock.Data);
        if (certificate.GetRSAPublicKey() is not { } publicKey)
            throw new InvalidOperationException($"{setting}:Path: the certificate in {path} does not have an RSA key; keys are encrypted with RSA (openssl req -newkey rsa:3072 ...).");
        publicKey.Dispose();

        // The key is in the certificate's file unless KeyPath names its own.
        var (keySetting, keyFile, keyText) = ($"{setting}:Path", path, text);
        if (!string.IsNullOrEmpty(file.KeyPath))
        {
            keyFile = System.IO.Path.GetFullPath(file.KeyPath, baseDirectory);
            keySetting = $"{setting}:KeyPath";
            if (!File.Exists(keyFile))
                throw new InvalidOperationException($"{keySetting}: {keyFile} does not exist.");
            keyText = Read(keyFile, keySetting, File.ReadAllText);
        }

        var labels = Blocks(keyText).Select(block => block.Label).ToHashSet(StringComparer.Ordinal);
        using var rsa = RSA.Create();
        if (labels.Contains(EncryptedKeyLabel))
        {
            if (string.IsNullOrEmpty(file.Password))
                throw new InvalidOperationException($"{setting}:Password is not set, and the private key in {keyFile} is encrypted.");
            try
            {
                rsa.ImportFromEncryptedPem(keyText, file.Password);
            }
            catch (CryptographicException exception)
            {
                throw new InvalidOperationException($"{setting}:Password does not decrypt the private key in {keyFile} (a wrong password, or not an RSA key).", exception);
            }
        }
        else if (PlainKeyLabels.Any(labels.Contains))
        {
            try
            {
                rsa.ImportFromPem(keyText);
            }
            catch (Exception exception) when (exception is CryptographicException or ArgumentException)
            {
                throw new InvalidOperationException($"{keySetting}: the private key in {keyFile} is not an RSA key that can be read ({exception.Message}).", exception);
            }
        }
        else if (OtherKeyLabels.Any(labels.Contains))
        {
            throw new InvalidOperationException($"{keySetting}: the private key in {keyFile} is not an RSA key; keys are encrypted with RSA.");
        }
        else
        {
            throw new InvalidOperationException(string.IsNullOrEmpty(file.KeyPath)
                ? $"{setting}:KeyPath is not set, and {path} holds the certificate without its private key: name the PEM private key file in {setting}:KeyPath."
                : $"{keySetting}: {keyFile} holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
        }

        try
        {
            return certificate.CopyWithPrivateKey(rsa);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{keySetting}: the private key in {keyFile} is not the key of the certificate in {path}.", exception);
        }
    }

    /// <summary>A file the app may not read (its owner or mode) is a setting to fix too.</summary>
    private static T Read<T>(string path, string setting, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: {path} cannot be read by this process ({exception.Message}).", exception);
        }
    }

    private static bool IsPem(byte[] bytes) => Encoding.UTF8.GetString(bytes).Contains("-----BEGIN ", StringComparison.Ordinal);

    private static IEnumerable<(string Label, byte[] Data)> Blocks(string text)
    {
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            yield return (rest[fields.Label].ToString(), Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            rest = rest[fields.Location.End..];
        }
    }
}
