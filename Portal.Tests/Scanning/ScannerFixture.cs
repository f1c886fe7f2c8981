using NutPortal.Core.Scanning;
using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Scanning;

/// <summary>One scanner with its own real solc pools, shared by the detector tests.</summary>
public sealed class ScannerFixture : IDisposable
{
    private readonly SolidityCompiler _compiler = new(new SolidityCompilerOptions { PoolSizePerVersion = 1 });

    public ScannerFixture() => Scanner = new SolidityScanner(_compiler);

    public SolidityScanner Scanner { get; }

    public SolidityCompiler Compiler => _compiler;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(string source)
    {
        var report = await Scanner.ScanAsync(source);
        Assert.True(report.Error is null, report.Error);
        return report.Findings;
    }

    public void Dispose() => _compiler.Dispose();
}
