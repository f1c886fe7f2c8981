using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NutPortal.Core.Oracle;

namespace NutPortal.Web.Oracle;

/// <summary>
/// Kestrel endpoints when the oracle's gRPC port is on. An explicit Listen makes Kestrel ignore the URLs setting
/// (ASPNETCORE_URLS, --urls, Urls in appsettings), so those URLs are listened on here too, unchanged; the gRPC
/// URL gets an HTTP/2-only (h2c) endpoint of its own. Without Portal:Oracle:GrpcUrl nothing changes.
/// </summary>
internal static class OracleKestrel
{
    public static void Configure(WebHostBuilderContext context, KestrelServerOptions kestrel)
    {
        var grpcUrl = context.Configuration[$"{OracleOptions.Section}:GrpcUrl"];
        if (string.IsNullOrWhiteSpace(grpcUrl) || !Uri.TryCreate(grpcUrl, UriKind.Absolute, out var grpc))
        {
            return; // off, or invalid: options validation stops the portal with the setting's name
        }
        var urls = context.Configuration[WebHostDefaults.ServerUrlsKey];
        foreach (var url in (string.IsNullOrWhiteSpace(urls) ? "http://localhost:5000" : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = BindingAddress.Parse(url);
            Listen(kestrel, address.Host, address.Port, o =>
            {
                if (address.Scheme == Uri.UriSchemeHttps)
                {
                    o.UseHttps();
                }
            });
        }
        Listen(kestrel, grpc.Host, grpc.Port, o => o.Protocols = HttpProtocols.Http2);
    }

    /// <summary>The gRPC service answers only on its own port.</summary>
    public static string RequiredHost(string grpcUrl) => $"*:{new Uri(grpcUrl).Port}";

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, port, configure);
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && port != 0)
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.Listen(IPAddress.Loopback, port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(port, configure); // "*", "+", "0.0.0.0" or a host name: every interface, as Kestrel does for URLs
        }
    }
}
