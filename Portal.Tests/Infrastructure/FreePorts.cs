using System.Net;
using System.Net.Sockets;

namespace NutPortal.Tests.Infrastructure;

/// <summary>Loopback ports free right now.</summary>
internal static class FreePorts
{
    /// <summary>A port the OS just handed out; another process could take it before the caller binds it, which tests accept.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
