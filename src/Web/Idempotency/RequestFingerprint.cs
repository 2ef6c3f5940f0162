using System.Security.Cryptography;
using System.Text;

namespace Overholt.Web.Idempotency;

/// <summary>
/// What makes two requests under one idempotency key the same request: SHA-256 of the method, the path as routing reads
/// it (any case, with or without a trailing slash), the query and the body.
/// </summary>
public static class RequestFingerprint
{
    public static byte[] Of(string method, PathString path, QueryString query, ReadOnlySpan<byte> body)
    {
        using var hash = Start(method, path, query);
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    /// <summary>The hash with the request line in it, for the body to be appended as it is read.</summary>
    public static IncrementalHash Start(string method, PathString path, QueryString query)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path.Value?.TrimEnd('/').ToUpperInvariant()}{query}\n"));
        return hash;
    }
}
