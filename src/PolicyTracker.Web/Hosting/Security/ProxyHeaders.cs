using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Behind a reverse proxy the app sees the proxy's address, so the rate limits and the sign-in
/// throttle would treat every person as one client. With <c>Security:ForwardedHeaders:Enabled</c> the
/// X-Forwarded-For and -Proto headers are believed, but only from the proxies listed in
/// <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR, e.g. 172.16.0.0/12); loopback is always known.</summary>
public static class ProxyHeaders
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Security:ForwardedHeaders:Enabled", false);

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("Security:ForwardedHeaders");
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }
}
