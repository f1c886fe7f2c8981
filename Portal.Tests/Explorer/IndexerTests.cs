using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

public sealed class IndexerTests
{
    [Fact]
    public async Task Every_block_and_transaction_the_node_has_is_indexed_and_a_restarted_portal_catches_up_without_gaps()
    {
        var first = new PortalFactory();
        ExplorerChain chain;
        var sent = new List<string>();
        using (var client = first.CreateAdminClient())
        {
            chain = await ExplorerChain.CreateAsync(client, "indexer-all");
            using var recipient = PrivateKey.Generate();
            for (var i = 1; i <= 3; i++)
            {
                var receipt = await chain.TransferAsync(recipient.Address.ToLowerHex(), i * 1_000_000_000_000_000L);
                Assert.True(receipt.Succeeded);
                sent.Add(receipt.TransactionHash);
            }
            var height = (long)await chain.Rpc.GetBlockNumberAsync();
            await chain.WaitForIndexedAsync(height);
            await AssertMatchesNodeAsync(chain, height);
            var indexer = (await chain.BlocksPageAsync(limit: 1)).GetProperty("indexer");
            Assert.True(indexer.GetProperty("nodeHeight").GetInt64() >= height, indexer.ToString());
            Assert.Equal(indexer.GetProperty("nodeHeight").GetInt64() - indexer.GetProperty("indexedHeight").GetInt64(), indexer.GetProperty("blocksBehind").GetInt64());
            var tx = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{chain.Id}/transactions/{sent[1]}");
            Assert.Equal("0.002", tx.GetProperty("valueEth").GetString());
            Assert.True(tx.GetProperty("succeeded").GetBoolean());
            Assert.Equal(recipient.Address.ToLowerHex(), tx.GetProperty("to").GetString());
        }

        using var second = PortalFactory.RestartOf(first);
        var stoppedAt = (long)await chain.Rpc.GetBlockNumberAsync();
        await first.DisposeAsync();
        // The node keeps producing blocks while no portal indexes them.
        while ((long)await chain.Rpc.GetBlockNumberAsync() < stoppedAt + 3)
        {
            await Task.Delay(250);
        }
        using var again = second.CreateAdminClient();
        using var resumed = await ExplorerChainOn(again, chain);
        var target = (long)await resumed.Rpc.GetBlockNumberAsync();
        await resumed.WaitForIndexedAsync(target);
        await AssertMatchesNodeAsync(resumed, target);
        chain.Dispose();
    }

    private static Task<ExplorerChain> ExplorerChainOn(HttpClient client, ExplorerChain previous) =>
        ExplorerChain.AttachAsync(client, previous);

    /// <summary>Blocks 0..height in the explorer are exactly the node's: same hashes, same transactions, no gaps.</summary>
    internal static async Task AssertMatchesNodeAsync(ExplorerChain chain, long height)
    {
        var blocks = (await chain.AllBlocksAsync()).Where(b => b.GetProperty("number").GetInt64() <= height).ToList();
        Assert.Equal(Enumerable.Range(0, (int)height + 1).Select(n => (long)n), blocks.Select(b => b.GetProperty("number").GetInt64()));
        for (var n = 0L; n <= height; n++)
        {
            var node = (await chain.Rpc.GetBlockByNumberAsync((ulong)n))!;
            Assert.Equal(node.Hash, blocks[(int)n].GetProperty("hash").GetString());
            Assert.Equal(node.ParentHash, blocks[(int)n].GetProperty("parentHash").GetString());
            if (node.Transactions.Count == 0)
            {
                Assert.Equal(0, blocks[(int)n].GetProperty("transactionCount").GetInt32());
                continue;
            }
            var detail = await chain.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{chain.Id}/blocks/{n}");
            Assert.Equal(node.Transactions.Select(t => t.Hash), detail.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));
        }
    }
}
