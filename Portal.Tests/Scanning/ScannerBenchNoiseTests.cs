using NutPortal.Core.Scanning;
using NutPortal.Web.Bench;

namespace NutPortal.Tests.Scanning;

/// <summary>`bench scanner --noise`: unlabelled findings listed with file and line, then totals per detector rule, noisiest first.</summary>
public sealed class ScannerBenchNoiseTests
{
    [Fact]
    public async Task Unlabelled_findings_are_listed_and_counted_per_rule_and_labelled_ones_are_not()
    {
        var noise = new ScannerBenchNoise();
        noise.Add("dataset/a.sol", [(ScanCategories.Reentrancy, 6)], Report(Finding(ScanCategories.Reentrancy, "reentrancy", 6), Finding(ScanCategories.Arithmetic, "integer-overflow", 7)));
        noise.Add("dataset/b.sol", [], Report(Finding(ScanCategories.Arithmetic, "integer-overflow", 3), Finding(ScanCategories.TimeManipulation, "timestamp-dependence", 9)));
        using var output = new StringWriter();

        await noise.PrintAsync(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
        [
            "noise integer-overflow dataset/a.sol:7 title",
            "noise integer-overflow dataset/b.sol:3 title",
            "noise timestamp-dependence dataset/b.sol:9 title",
            "noise-total 2 integer-overflow: title",
            "noise-total 1 timestamp-dependence: title",
        ], lines);
    }

    private static ScanReport Report(params Finding[] findings) => new("0.4.26", findings, null);

    private static Finding Finding(string category, string detector, int line) => new(category, "high", line, 1, "title", detector, "high", "why", "fix");
}
