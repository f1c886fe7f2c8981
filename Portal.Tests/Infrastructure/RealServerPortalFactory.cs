using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Tests.Infrastructure;

/// <summary>The portal on a real Kestrel port (browser, SignalR and socket tests).</summary>
public class RealServerPortalFactory : PortalFactory
{
    private Uri? _address;

    public RealServerPortalFactory()
    {
        UseRealServer();
    }

    /// <summary>Starts the server if needed and returns its http://127.0.0.1:port/ address.</summary>
    public Uri Address
    {
        get
        {
            if (_address is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
                _address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
            }
            return _address;
        }
    }
}
