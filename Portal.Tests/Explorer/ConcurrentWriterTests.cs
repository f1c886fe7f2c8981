using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Explorer;

namespace NutPortal.Tests.Explorer;

/// <summary>
/// A second writer (another portal on the same database, or a retry after a lost reply) appending blocks that
/// are already indexed is refused as a whole: no block or transaction is stored twice, on either provider.
/// </summary>
public sealed class ConcurrentWriterTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appending_already_indexed_blocks_again_stores_nothing_twice(string provider)
    {
        using var portal = PortalFactory.On(TestDatabase.Create(provider));
        using var client = portal.CreateAdminClient();
        using var chain = await ExplorerChain.CreateAsync(client, "explorer-writers");
        using var recipient = PrivateKey.Generate();
        var transfer = await chain.TransferAsync(recipient.Address.ToLowerHex(), 5);
        await chain.WaitForIndexedAsync((long)transfer.BlockNumber, TimeSpan.FromSeconds(60));
        var again = await BlockFetcher.FetchAsync(chain.Rpc, (long)transfer.BlockNumber - 1, 2, CancellationToken.None);
        Assert.Equal(2, again.Blocks.Count);

        await Assert.ThrowsAnyAsync<DbException>(() => portal.Services.GetRequiredService<ChainStore>().AppendAsync(chain.Id, again.Blocks, CancellationToken.None));

        await IndexerTests.AssertMatchesNodeAsync(chain, (long)transfer.BlockNumber);
        var tx = await portal.Services.GetRequiredService<ExplorerQueries>().BlockTransactionsAsync(chain.Id, (long)transfer.BlockNumber);
        Assert.Equal([transfer.TransactionHash.ToLowerInvariant()], tx.Select(t => t.Hash));
    }
}
