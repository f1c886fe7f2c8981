using NutPortal.Core.Solidity;
using Xunit.Abstractions;

namespace NutPortal.Tests.Solidity;

[Collection(SolidityCollection.Name)]
public sealed class SmartBugsCompileTests(SolidityCompilerFixture fixture, ITestOutputHelper output)
{
    private const string Dataset = "/work/shared/datasets/smartbugs-curated/dataset";

    [Fact]
    public async Task Every_curated_contract_compiles_with_the_version_its_pragma_selects()
    {
        Assert.True(Directory.Exists(Dataset), $"dataset missing at {Dataset}");
        var files = Directory.GetFiles(Dataset, "*.sol", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var byVersion = new Dictionary<SolcVersion, int>();
        foreach (var file in files)
        {
            var request = SolidityCompileRequest.ForSource(await File.ReadAllTextAsync(file), name: Path.GetFileName(file));
            var result = await fixture.Compiler.CompileAsync(request);
            byVersion[result.CompilerVersion] = byVersion.GetValueOrDefault(result.CompilerVersion) + 1;
            if (!result.Succeeded || result.Contracts.All(c => c.Bytecode.Length == 0 && c.AbiJson == "[]"))
            {
                failures.Add($"{Path.GetRelativePath(Dataset, file)} ({result.CompilerVersion}): {result.Errors.FirstOrDefault()?.Message}");
            }
        }
        output.WriteLine($"{files.Count - failures.Count} of {files.Count} compiled; by version: {string.Join(", ", byVersion.Select(p => $"{p.Key}×{p.Value}"))}");
        Assert.Equal(143, files.Count);
        Assert.Empty(failures);
    }
}
