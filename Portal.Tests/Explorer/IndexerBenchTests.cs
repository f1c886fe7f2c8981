using System.Globalization;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Explorer;

/// <summary>
/// A tiny `bench indexer` run: the portal indexes a chain of full blocks it did not see being built and prints its
/// catch-up rate beside the fetch-only rate, then server times over seeded rows.
/// </summary>
public sealed class IndexerBenchTests
{
    [Fact]
    public async Task Prints_catch_up_and_fetch_only_figures_for_every_block_and_page_times()
    {
        using var output = new StringWriter();

        await new IndexerBenchSuite().RunAsync(new BenchReport(output), ["60", "20", "2000"], CancellationToken.None);

        var figures = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (Value: double.Parse(p[1], CultureInfo.InvariantCulture), Unit: p[2]));
        Assert.Equal(60, figures["indexer.chain.transactions"].Value);
        Assert.True(figures["indexer.chain.blocks"].Value >= 4); // genesis and three blocks of 20 transfers
        Assert.True(figures["indexer.catchup.blocks_per_s"].Value > 0);
        Assert.True(figures["indexer.fetch_only.blocks_per_s"].Value > 0);
        Assert.Equal("tx/s", figures["indexer.catchup.transactions_per_s"].Unit);
        Assert.Equal("x", figures["indexer.catchup.ratio_to_fetch_only"].Unit);
        Assert.Equal(2000, figures["indexer.pages.seeded_transactions"].Value);
        Assert.True(figures["indexer.pages.address_sender.p95"].Value >= figures["indexer.pages.address_sender.p50"].Value);
        Assert.Equal("ms", figures["indexer.api.transaction.p50"].Unit);
        Assert.True(figures["indexer.grids.address_sender.p95"].Value >= figures["indexer.grids.address_sender.p50"].Value);
    }
}
