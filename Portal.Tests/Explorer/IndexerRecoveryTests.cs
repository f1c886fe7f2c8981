using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Explorer;

public sealed class IndexerRecoveryTests
{
    [Fact]
    public async Task The_indexer_rides_out_a_killed_node_and_matches_the_restarted_chain()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateAdminClient();
        using var chain = await ExplorerChain.CreateAsync(client, "indexer-kill");
        await chain.WaitForIndexedAsync(3);
        var pid = Assert.Single(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", chain.Id)));

        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await WaitForAsync(client, chain.Id, n => NodeStatus(n) == "Up" && Node(n).GetProperty("restartCount").GetInt32() == 1,
            TimeSpan.FromSeconds(40), "the node restarted");
        await chain.Rpc.CallAsync<JsonElement>("anvil_setBalance", [chain.Key.Address.ToLowerHex(), "0x56bc75e2d63100000"]);
        using var recipient = PrivateKey.Generate();
        var receipt = await chain.TransferAsync(recipient.Address.ToLowerHex(), 5);

        await chain.WaitForIndexedAsync((long)receipt.BlockNumber);
        await IndexerTests.AssertMatchesNodeAsync(chain, (long)receipt.BlockNumber);
        var status = (await chain.BlocksPageAsync(limit: 1)).GetProperty("indexer");
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
    }
}
