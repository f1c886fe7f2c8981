using System.Diagnostics;
using System.Text.Json;
using NutPortal.Core.Solidity;
using Xunit.Abstractions;

namespace NutPortal.Tests.Solidity;

[Collection(SolidityCollection.Name)]
public sealed class CompileTests(SolidityCompilerFixture fixture, ITestOutputHelper output)
{
    private const string Counter = """
        pragma solidity >=0.4.9;
        contract Counter {
            uint public count;
            event Bumped(uint by);
            function bump(uint by) public { count += by; Bumped(by); }
        }
        """;

    [Theory]
    [InlineData("0.4.9")]
    [InlineData("0.4.24")]
    [InlineData("0.4.25")]
    [InlineData("0.4.26")]
    [InlineData("0.5.17")]
    [InlineData("0.6.12")]
    [InlineData("0.7.6")]
    [InlineData("0.8.37")]
    public async Task Compiles_a_small_contract_with_each_installed_version(string version)
    {
        // "emit" became mandatory in 0.5; older compilers predate the keyword.
        var source = version.StartsWith("0.4.", StringComparison.Ordinal) ? Counter : Counter.Replace("Bumped(by);", "emit Bumped(by);");
        var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source, version));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.FormattedMessage)));
        Assert.Equal(SolcVersion.Parse(version), result.CompilerVersion);
        var counter = result.Contract("Counter");
        Assert.Equal("Contract.sol", counter.SourceName);
        using var abi = JsonDocument.Parse(counter.AbiJson);
        var names = abi.RootElement.EnumerateArray().Select(e => e.TryGetProperty("name", out var n) ? n.GetString() : null).ToList();
        Assert.Contains("bump", names);
        Assert.Contains("count", names);
        Assert.Contains("Bumped", names);
        Assert.Matches("^(60806040|60606040)[0-9a-f]+$", counter.Bytecode);
        Assert.Matches("^(60806040|60606040)[0-9a-f]+$", counter.DeployedBytecode);
        Assert.NotEqual(counter.Bytecode, counter.DeployedBytecode);
        Assert.Matches("^[0-9:;\\-io]+", counter.SourceMap);
        Assert.Matches("^[0-9:;\\-io]+", counter.DeployedSourceMap);
        Assert.Equal("b20eb4c4", counter.MethodIdentifiers["bump(uint256)"]);
        Assert.NotNull(counter.AstJson);
        Assert.Contains("SourceUnit", counter.AstJson);
    }

    [Theory]
    [InlineData("0.8.37")]
    [InlineData("0.5.17")]
    [InlineData("0.4.26")]
    [InlineData("0.4.9")]
    public async Task Syntax_error_is_reported_at_its_line_and_column(string version)
    {
        var source = "pragma solidity >=0.4.9;\ncontract Broken {\n    function f() public {\n        uint x = 1\n        x;\n    }\n}\n";
        var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source, version));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Contract.sol", error.SourceName);
        Assert.Equal(5, error.Line);
        Assert.Equal(9, error.Column);
        Assert.StartsWith("Expected", error.Message);
        // Compilers before 0.4.11 only say "Error" for every kind.
        Assert.Equal(version == "0.4.9" ? "Error" : "ParserError", error.Type);
        Assert.DoesNotContain(result.Contracts, c => c.Bytecode.Length > 0);
    }

    [Fact]
    public async Task Columns_count_utf16_units_not_utf8_bytes()
    {
        // Each "é" is 2 UTF-8 bytes and each emoji 4, but 1 and 2 UTF-16 units: the column must follow UTF-16.
        var line = "    /* é😀é😀 */ uint y = undefinedThing;";
        var source = $"pragma solidity ^0.8.0;\ncontract U {{\n    function f() public pure {{\n{line}\n    }}\n}}\n";
        var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source));

        var error = Assert.Single(result.Errors);
        Assert.Equal("DeclarationError", error.Type);
        Assert.Equal(4, error.Line);
        Assert.Equal(line.IndexOf("undefinedThing", StringComparison.Ordinal) + 1, error.Column);
        Assert.Equal(error.Column + "undefinedThing".Length, error.EndColumn);
    }

    [Fact]
    public async Task Warnings_are_diagnostics_with_warning_severity()
    {
        var source = "pragma solidity ^0.8.0;\ncontract W { function f() public view returns (uint) { return 1; } }";
        var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source));

        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Line == 2 && d.Message.Contains("pure"));
    }

    [Fact]
    public async Task Imports_resolve_among_supplied_sources()
    {
        var request = new SolidityCompileRequest
        {
            Sources = new Dictionary<string, string>
            {
                ["lib/Base.sol"] = "pragma solidity ^0.8.0; contract Base { function id() public pure returns (uint) { return 7; } }",
                ["Main.sol"] = "pragma solidity ^0.8.0; import \"./lib/Base.sol\"; contract Main is Base {}",
            },
        };
        var result = await fixture.Compiler.CompileAsync(request);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.FormattedMessage)));
        Assert.Contains("\"id\"", result.Contract("Main").AbiJson);
        Assert.Equal(2, result.SourceAsts.Count);
    }

    [Theory]
    [InlineData("0.8.37")]
    [InlineData("0.4.26")]
    public async Task Import_of_a_file_on_disk_is_a_compile_error_not_the_file(string version)
    {
        var source = "pragma solidity >=0.4.0;\nimport \"/etc/passwd\";\ncontract A {}";
        var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source, version));

        var error = Assert.Single(result.Errors);
        Assert.Contains("/etc/passwd", error.Message);
        Assert.Contains("not found", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.DoesNotContain(result.Diagnostics, d => d.FormattedMessage.Contains("root:"));
    }

    [Fact]
    public async Task Diagnostics_only_skips_bytecode_but_reports_errors()
    {
        var ok = await fixture.Compiler.CompileAsync(new SolidityCompileRequest
        {
            Sources = new Dictionary<string, string> { ["A.sol"] = "pragma solidity ^0.8.0; contract A { uint x; }" },
            DiagnosticsOnly = true,
        });
        Assert.True(ok.Succeeded);
        Assert.Equal("", ok.Contract("A").Bytecode);

        var bad = await fixture.Compiler.CompileAsync(new SolidityCompileRequest
        {
            Sources = new Dictionary<string, string> { ["A.sol"] = "pragma solidity ^0.8.0; contract A { uint x = true; }" },
            DiagnosticsOnly = true,
        });
        Assert.Equal("TypeError", Assert.Single(bad.Errors).Type);
    }

    [Fact]
    public async Task Warm_compile_is_well_under_a_second()
    {
        var source = Counter.Replace("Bumped(by);", "emit Bumped(by);");
        var sw = Stopwatch.StartNew();
        await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source, "0.8.37"));
        var first = sw.Elapsed;
        var warm = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            var result = await fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(source + $"\n// {i}", "0.8.37"));
            warm.Add(sw.Elapsed);
            Assert.True(result.Succeeded);
        }
        output.WriteLine($"0.8.37 first (maybe cold) {first.TotalMilliseconds:0} ms, warm {string.Join(", ", warm.Select(w => $"{w.TotalMilliseconds:0}"))} ms");
        Assert.True(warm.Min() < TimeSpan.FromSeconds(1), $"fastest warm compile took {warm.Min()}");
    }
}
