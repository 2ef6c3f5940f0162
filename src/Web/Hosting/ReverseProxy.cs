using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Overholt.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS: the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, trusted only from the proxies configured in <c>ReverseProxy:KnownProxies</c> (addresses)
/// and <c>ReverseProxy:KnownNetworks</c> (CIDR). With neither set, only a proxy on loopback is trusted.
/// </summary>
internal static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Length == 0 && networks.Length == 0)
                return; // the framework's defaults: 127.0.0.0/8 and ::1

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address"));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8"));
        });
        return services;
    }
}
