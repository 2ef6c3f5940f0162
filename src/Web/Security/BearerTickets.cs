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

    public AuthenticationTicket? Read(string token, ISecureDataFormat<AuthenticationTicket> protector)
    {
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (_tickets.TryGetValue(key, out AuthenticationTicket? known))
            return known;

        var ticket = protector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is { } expires)
        {
            var keepUntil = clock.GetUtcNow() + MaxAge;
            _tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires < keepUntil ? expires : keepUntil });
        }

        return ticket;
    }

    public void Dispose() => _tickets.Dispose();
}
