using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Contracts;

/// <summary>Two portal replicas sign with the same funded account: each has its own in-process lock, so only the node arbitrates nonces.</summary>
public sealed class SignerReplicaTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_signers_sending_at_once_from_one_account_all_land_with_distinct_nonces()
    {
        using var client = portal.CreateAdminClient();
        var network = (await CreateAsync(client, Profile("replica-signers"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, network, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var replicaA = ActivatorUtilities.CreateInstance<NetworkSigner>(portal.Services);
        var replicaB = ActivatorUtilities.CreateInstance<NetworkSigner>(portal.Services);
        const string recipient = "0x00000000000000000000000000000000000000aa";

        var sends = Enumerable.Range(0, 25).SelectMany(_ => new[] { replicaA, replicaB })
            .Select(signer => signer.SendAsync(network, recipient, [], 1, CancellationToken.None));
        var receipts = await Task.WhenAll(sends);

        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(50, receipts.Select(r => r.TransactionHash).Distinct().Count());
        var rpc = await replicaA.RpcAsync(network, CancellationToken.None);
        Assert.Equal(50, await rpc.GetBalanceAsync(recipient, BlockParameter.Latest, CancellationToken.None));
    }
}
