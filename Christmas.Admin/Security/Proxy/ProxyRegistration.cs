using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security.Proxy;

/// <summary>Behind a TLS proxy: the client's address and scheme from the forwarded headers of a known proxy only.</summary>
public static class ProxyRegistration
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies holds an entry that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks holds an entry that is not a CIDR network such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback) stay: a proxy on the same host needs no configuration.
            foreach (var proxy in proxies.Value.KnownProxies)
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
            foreach (var network in proxies.Value.KnownNetworks)
                if (System.Net.IPNetwork.TryParse(network, out var parsed)) forwarded.KnownIPNetworks.Add(parsed);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
