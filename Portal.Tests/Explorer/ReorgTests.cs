using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

public sealed class ReorgTests
{
    [Fact]
    public async Task A_reorganised_tip_is_replaced_by_the_nodes_new_blocks()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateAdminClient();
        using var chain = await ExplorerChain.CreateAsync(client, "explorer-reorg");
        using var recipient = PrivateKey.Generate();
        var dropped = await chain.TransferAsync(recipient.Address.ToLowerHex(), 1);
        // Pause the node's block timer: the reorg depth below is counted from this height, and a block mined
        // before the reorg (common on a busy machine) would leave the transfer's block out of the reorg.
        await chain.Rpc.CallAsync<JsonElement?>("evm_setIntervalMining", [0]);
        var before = (long)await chain.Rpc.GetBlockNumberAsync();
        await chain.WaitForIndexedAsync(before);
        var oldHashes = (await chain.AllBlocksAsync()).ToDictionary(b => b.GetProperty("number").GetInt64(), b => b.GetProperty("hash").GetString());

        // anvil replaces the last blocks (down to and including the transfer's) with new, empty ones.
        var depth = before - (long)dropped.BlockNumber + 1;
        await chain.Rpc.CallAsync<JsonElement?>("anvil_reorg", [depth, Array.Empty<object>()]);
        Assert.Equal(before, (long)await chain.Rpc.GetBlockNumberAsync());
        await chain.Rpc.CallAsync<JsonElement?>("evm_setIntervalMining", [1]);
        var after = (long)await chain.Rpc.GetBlockNumberAsync() + 1;
        while ((long)await chain.Rpc.GetBlockNumberAsync() < after)
        {
            await Task.Delay(200);
        }
        await WaitUntilAsync(chain, async () => (await chain.AllBlocksAsync()).Any(b =>
            b.GetProperty("number").GetInt64() == (long)dropped.BlockNumber && b.GetProperty("hash").GetString() != oldHashes[(long)dropped.BlockNumber]));

        await chain.WaitForIndexedAsync(after);
        await IndexerTests.AssertMatchesNodeAsync(chain, after);
        var gone = await client.GetAsync($"/api/v1/networks/{chain.Id}/transactions/{dropped.TransactionHash}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task WaitUntilAsync(ExplorerChain chain, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the explorer did not replace the reorganised blocks: {await chain.BlocksPageAsync(limit: 5)}");
            await Task.Delay(200);
        }
    }
}
