using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Explorer;
using NutPortal.Core.Leases;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Explorer;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Explorer;

/// <summary>Two replicas on one database: one indexes the chains, the other takes over when it stops.</summary>
public sealed class IndexerReplicaTests
{
    [Fact]
    public async Task One_replica_indexes_and_the_second_takes_over_when_the_first_stops()
    {
        var first = new PortalFactory();
        using var firstClient = first.CreateAdminClient();
        var firstLeases = first.Services.GetRequiredService<LeaseKeeper>();
        await Eventually.HoldsAsync(async () => await firstLeases.HolderOfAsync(ChainIndexerHost.LeaseName, CancellationToken.None) == firstLeases.Holder,
            "the first replica never indexed");
        var id = (await CreateAsync(firstClient, Profile("indexed-once"))).GetProperty("id").GetString()!;
        await WaitForAsync(firstClient, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        using var second = PortalFactory.RestartOf(first);
        using var client = second.CreateAdminClient();
        var secondBoard = second.Services.GetRequiredService<IndexerStatusBoard>();
        var secondLeases = second.Services.GetRequiredService<LeaseKeeper>();
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(first.Services.GetRequiredService<IndexerStatusBoard>().Get(id)?.IndexedHeight >= 2),
                "the first replica never indexed two blocks");
            // Both replicas check every second: a second indexer would have shown progress on its own board by now.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Null(secondBoard.Get(id));

            await first.DisposeAsync();

            await Eventually.HoldsAsync(async () => await secondLeases.HolderOfAsync(ChainIndexerHost.LeaseName, CancellationToken.None) == secondLeases.Holder,
                "the second replica never took over");
            await Eventually.HoldsAsync(() => Task.FromResult(secondBoard.Get(id)?.IndexedHeight >= 2), "the second replica never indexed");
            Assert.True((await client.DeleteAsync($"/api/v1/networks/{id}")).IsSuccessStatusCode);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }
}
