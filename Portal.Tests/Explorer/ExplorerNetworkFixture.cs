using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

/// <summary>A real-server portal with one running network, a transfer and a failed contract creation, indexed.</summary>
public sealed class ExplorerNetworkFixture : IAsyncLifetime
{
    private readonly PrivateKey _recipient = PrivateKey.Generate();

    public RealServerPortalFactory Portal { get; } = new();

    internal ExplorerChain Chain { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string Recipient => _recipient.Address.ToLowerHex();

    public RpcReceipt Transfer { get; private set; } = null!;

    public RpcReceipt Failed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Portal.CreateAdminClient();
        Client.BaseAddress = Portal.Address;
        Chain = await ExplorerChain.CreateAsync(Client, "explorer-api");
        Transfer = await Chain.TransferAsync(Recipient, 1_500_000_000_000_000_000);
        Failed = await Chain.SendAsync(null, 0, ExplorerChain.RevertingInitCode());
        await Chain.WaitForIndexedAsync((long)Math.Max(Transfer.BlockNumber, Failed.BlockNumber));
    }

    public async Task DisposeAsync()
    {
        Chain.Dispose();
        _recipient.Dispose();
        Client.Dispose();
        await Portal.DisposeAsync();
    }
}
