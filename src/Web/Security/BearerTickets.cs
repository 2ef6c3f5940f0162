using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Overholt.Web.Security;

/// <summary>
/// Bearer tokens read once per node: decrypting a token (data protection: key derivation, AES, HMAC) was the largest
/// single cost of an authenticated API request. A token read before is answered from memory for up to a minute, never
/// past its own expiry. Only tokens that decrypted are kept, under a hash of the token (the token itself, a bearer
/// secret, is not kept as a key), and at most <see cref="Capacity"/> of them. This changes nothing about revocation:
/// every request still checks the ticket's security stamp (<see cref="SessionRevocation"/>).
/// </summary>
internal sealed class BearerTickets(TimeProvider clock) : IDisposable
{
    public const int Capacity = 10_000;

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public AuthenticationTicket? Read(ReadOnlySpan<char> token, ISecureDataFormat<AuthenticationTicket> protector)
    {
        var key = KeyOf(token);
        if (_tickets.TryGetValue(key, out AuthenticationTicket? known))
            return known;

        var ticket = protector.Unprotect(token.ToString());
        if (ticket?.Properties.ExpiresUtc is { } expires)
        {
            var keepUntil = clock.GetUtcNow() + MaxAge;
            _tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires < keepUntil ? expires : keepUntil });
        }

        return ticket;
    }

    /// <summary>
    /// The token's SHA-256, as the cache's key. Hashed from the request header's own characters, without a copy of
    /// the token as a string or as bytes: on every authenticated request those were most of what it allocated.
    /// </summary>
    private static string KeyOf(ReadOnlySpan<char> token)
    {
        const int OnStack = 2048; // a token is about 800 characters of base64url
        var length = Encoding.UTF8.GetByteCount(token);
        var rented = length > OnStack ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[OnStack] : rented;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(token, bytes)], hash);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToBase64String(hash);
    }

    public void Dispose() => _tickets.Dispose();
}
