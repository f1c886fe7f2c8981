using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Outbound;

/// <summary>The portal refused to call a URL because its host resolves to a non-public address.</summary>
public sealed class OutboundBlockedException(string message) : HttpRequestException(message);

/// <summary>
/// Checks user-given URLs: at save time (a friendly error) and again at connect time, where every resolved
/// address is checked and the socket connects only to a checked address, so a DNS answer that changes between
/// the two (DNS rebinding) cannot reach an internal service. Hosts in Portal:Outbound:AllowedHosts are exempt.
/// </summary>
public sealed class OutboundGuard(IOptionsMonitor<OutboundOptions> options)
{
    public bool IsAllowedHost(string host) =>
        options.CurrentValue.AllowedHosts.Any(h => string.Equals(h.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the URL may be called now, else why not.</summary>
    public async Task<string?> CheckUrlAsync(string? url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "An absolute http:// or https:// URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Credentials in the URL are not allowed.";
        }
        try
        {
            await ResolveAsync(uri.IdnHost, ct);
            return null;
        }
        catch (OutboundBlockedException ex)
        {
            return ex.Message;
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolve, check every address, connect only to checked ones.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        if (!IsAllowedHost(host) && addresses.FirstOrDefault(a => !AddressPolicy.IsPublic(a)) is { } blocked)
        {
            throw new OutboundBlockedException(
                $"'{host}' resolves to {blocked}, a loopback, private, link-local or otherwise non-public address. Add the host to Portal:Outbound:AllowedHosts to allow it.");
        }
        return addresses;
    }
}
