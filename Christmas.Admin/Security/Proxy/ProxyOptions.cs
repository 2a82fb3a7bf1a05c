namespace Christmas.Admin.Security.Proxy;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>
/// are believed (loopback always is). Anyone else's forwarded headers are ignored, so a caller cannot pick
/// its own address for the rate limit.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
