using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

/// <summary>
/// The portal on real Kestrel ports as `dotnet run` starts it with the oracle on: its HTTP URL from the URLs
/// setting and the gRPC URL (h2c) from Portal:Oracle:GrpcUrl, so the explicit gRPC endpoint must keep the URLs one.
/// </summary>
public sealed class GrpcPortalFactory : PortalFactory
{
    public GrpcPortalFactory(Action<GrpcPortalFactory>? configure = null)
    {
        HttpAddress = new Uri($"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}/");
        GrpcAddress = new Uri($"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}/");
        WithSetting("urls", HttpAddress.ToString().TrimEnd('/'));
        WithSetting("Portal:Oracle:GrpcUrl", GrpcAddress.ToString().TrimEnd('/'));
        this.WithOracleSettings();
        configure?.Invoke(this);
        UseKestrel();
    }

    public static GrpcPortalFactory Create(Action<GrpcPortalFactory>? configure = null) => new(configure);

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    /// <summary>A Grpc.Net.Client channel to the gRPC port, sending <paramref name="token"/> (the bootstrap admin token by default) as metadata.</summary>
    public GrpcChannel Channel(string? token = null)
    {
        StartServer();
        var secret = token ?? BootstrapToken;
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (secret.Length > 0)
            {
                metadata.Add("authorization", "Bearer " + secret);
            }
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>A plain HTTP/1.1 client on the portal's normal port.</summary>
    public HttpClient Http()
    {
        StartServer();
        return new HttpClient { BaseAddress = HttpAddress };
    }
}
