using System.Globalization;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Bench;

/// <summary>
/// A very short `bench ethereum` run: every figure is printed in `name value unit` form, and ethers on Node
/// computed the same digests, signatures and encodings from the inputs the C# side handed it (otherwise the
/// ratios would compare different work).
/// </summary>
public sealed class EthereumBenchSuiteTests
{
    [Fact]
    public async Task Prints_every_figure_and_both_sides_compute_the_same_outputs()
    {
        using var output = new StringWriter();

        await new EthereumBenchSuite().RunAsync(new BenchReport(output), ["0.02"], CancellationToken.None);

        var figures = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => (Value: double.Parse(parts[1], CultureInfo.InvariantCulture), Unit: parts[2]));
        foreach (var name in new[] { "keccak256", "sign", "recover", "tx.sign", "tx.decode", "address.checksum", "abi.encode", "abi.decode" })
        {
            Assert.True(figures[name].Value > 0, name);
            Assert.True(figures[$"ethers.{name}"].Value > 0, $"ethers.{name}");
            Assert.Equal("x", figures[$"{name}.ratio_vs_ethers"].Unit);
        }
        Assert.Equal("hashes/s", figures["keccak256"].Unit);
        Assert.Equal("txs/s", figures["tx.sign"].Unit);
        Assert.Equal(1, figures["ethers.outputs_match"].Value);
    }
}
