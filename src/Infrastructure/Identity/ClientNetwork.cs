using System.Net;
using System.Net.Sockets;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// The network a client's address stands for when counting its attempts: an IPv4 address itself, an IPv6 address's
/// /64 (one subscriber usually holds a whole /64, so counting single addresses would give an attacker 2^64 of them).
/// </summary>
public static class ClientNetwork
{
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
            return Unknown;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
