using System.Globalization;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Wallets;

/// <summary>A tiny `bench wallets` run: the figures are printed, and the index and the scan find the same 20 tokens
/// (otherwise the two timings would answer different questions).</summary>
public sealed class WalletBenchTests
{
    [Fact]
    public async Task Prints_its_figures_and_the_index_and_the_scan_find_the_same_tokens()
    {
        using var output = new StringWriter();

        await new WalletBenchSuite().RunAsync(new BenchReport(output), ["3000"], CancellationToken.None);

        var figures = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.Equal(20, figures["wallets.tokens_found"]);
        Assert.Equal(20, figures["wallets.tokens_found_by_scan"]);
        Assert.True(figures["wallets.tokens_indexed.3000.p50"] > 0);
        Assert.True(figures["wallets.seed.with_transfer_index"] > 0 && figures["wallets.seed.without_transfer_index"] > 0);
    }
}
