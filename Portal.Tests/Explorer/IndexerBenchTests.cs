using System.Globalization;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Explorer;

/// <summary>A tiny `bench indexer` run: the portal indexes a chain it did not see being built and prints its catch-up figures.</summary>
public sealed class IndexerBenchTests
{
    [Fact]
    public async Task Prints_catch_up_figures_for_every_block_of_the_chain()
    {
        using var output = new StringWriter();

        await new IndexerBenchSuite().RunAsync(new BenchReport(output), ["20", "10"], CancellationToken.None);

        var figures = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (Value: double.Parse(p[1], CultureInfo.InvariantCulture), Unit: p[2]));
        Assert.True(figures["indexer.catchup.blocks"].Value >= 21);
        Assert.True(figures["indexer.catchup.blocks_per_s"].Value > 0);
        Assert.Equal("tx/s", figures["indexer.catchup.transactions_per_s"].Unit);
    }
}
