using System.Globalization;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Scanning;

/// <summary>`bench scanner` on a two-file labelled dataset: labels are scored at their line, misses and extras counted.</summary>
public sealed class ScannerBenchTests : IDisposable
{
    private readonly DirectoryInfo _dataset = Directory.CreateTempSubdirectory("nutportal-scanner-bench-");

    [Fact]
    public async Task Labelled_lines_found_unlabelled_findings_and_timings_are_printed()
    {
        Directory.CreateDirectory(Path.Combine(_dataset.FullName, "dataset", "reentrancy"));
        await File.WriteAllTextAsync(Path.Combine(_dataset.FullName, "dataset", "reentrancy", "bank.sol"), """
            pragma solidity ^0.4.24;
            contract Bank {
                mapping(address => uint) balances;
                function withdraw(uint amount) public {
                    // <yes> <report> REENTRANCY
                    require(msg.sender.call.value(amount)());
                    balances[msg.sender] -= amount;
                }
                function pay(address to) public {
                    // <yes> <report> TIME_MANIPULATION
                    to.send(1);
                }
            }
            """);
        using var output = new StringWriter();

        await new ScannerBenchSuite().RunAsync(new BenchReport(output), [_dataset.FullName], CancellationToken.None);

        var figures = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(1, figures["scanner.contracts"]);
        Assert.Equal(1, figures["scanner.reentrancy.labelled"]);
        Assert.Equal(1, figures["scanner.reentrancy.found_at_line"]);
        Assert.Equal(1, figures["scanner.time_manipulation.labelled"]);
        Assert.Equal(0, figures["scanner.time_manipulation.found_at_line"]);
        Assert.True(figures["scanner.unchecked_low_level_calls.unlabelled_findings"] >= 1);
        Assert.True(figures["scanner.ms_per_contract.median"] > 0);
        Assert.True(figures["scanner.ms_per_contract.p95"] >= figures["scanner.ms_per_contract.median"]);
    }

    public void Dispose() => _dataset.Delete(recursive: true);
}
