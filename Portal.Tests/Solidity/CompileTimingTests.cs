using System.Diagnostics;
using NutPortal.Core.Solidity;
using Xunit.Abstractions;

namespace NutPortal.Tests.Solidity;

[Collection(SolidityCollection.Name)]
public sealed class CompileTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cold_start_then_warm_compiles_per_version()
    {
        // A fresh compiler so every version starts cold; figures go to the test log.
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { PoolSizePerVersion = 1 });
        var worstWarm = TimeSpan.Zero;
        foreach (var version in compiler.InstalledVersions)
        {
            var source = $"pragma solidity {version};\ncontract Small {{ uint public x; function set(uint v) public {{ x = v; }} }}";
            var sw = Stopwatch.StartNew();
            var cold = await compiler.CompileAsync(SolidityCompileRequest.ForSource(source));
            var coldTime = sw.Elapsed;
            Assert.True(cold.Succeeded, $"{version}: {string.Join("\n", cold.Errors.Select(e => e.FormattedMessage))}");
            var warm = new List<double>();
            var check = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                sw.Restart();
                Assert.True((await compiler.CompileAsync(SolidityCompileRequest.ForSource(source + $"//{i}"))).Succeeded);
                warm.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                await compiler.CompileAsync(new SolidityCompileRequest
                {
                    Sources = new Dictionary<string, string> { ["C.sol"] = source + $"//{i}" },
                    DiagnosticsOnly = true,
                });
                check.Add(sw.Elapsed.TotalMilliseconds);
            }
            warm.Sort();
            check.Sort();
            output.WriteLine($"solc {version}: cold {coldTime.TotalMilliseconds:0} ms, warm full compile median {warm[2]:0} ms, warm diagnostics-only median {check[2]:0} ms");
            worstWarm = TimeSpan.FromMilliseconds(Math.Max(worstWarm.TotalMilliseconds, warm[2]));
            Assert.True(coldTime.TotalMilliseconds > warm[2], $"{version}: cold start should cost more than a warm compile");
        }
        Assert.True(worstWarm < TimeSpan.FromSeconds(1), $"slowest warm median {worstWarm}");
    }
}
