namespace Overholt.Infrastructure.KeyRing;

/// <summary>
/// The <c>DataProtection</c> configuration section: the certificates that encrypt the data-protection key ring where it
/// is stored (the database), so that reading the table is not enough to forge a cookie or a bearer token.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>Encrypts every new key, and reads keys encrypted with it. Unset, new keys are stored as they are.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates that encrypted keys before the current one: they only read those keys, never encrypt.</summary>
    public CertificateFile[] PreviousCertificates { get; set; } = [];
}

/// <summary>
/// A certificate with its private key, in files: a PKCS#12 (PFX) file, or a PEM certificate with its PEM private key
/// (in <see cref="KeyPath"/>, or in the same file). Relative paths are under the app's content root.
/// </summary>
public sealed class CertificateFile
{
    /// <summary>The PFX file, or the PEM certificate.</summary>
    public string? Path { get; set; }

    /// <summary>The PEM private key, when <see cref="Path"/> is a PEM certificate without its key.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PFX file's password, or the password of an encrypted PEM private key.</summary>
    public string? Password { get; set; }

    internal bool IsEmpty => string.IsNullOrEmpty(Path) && string.IsNullOrEmpty(KeyPath) && string.IsNullOrEmpty(Password);
}
