using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Solidity;

[Collection(SolidityCollection.Name)]
public sealed class VersionSelectionTests(SolidityCompilerFixture fixture)
{
    [Theory]
    [InlineData("^0.4.19", "0.4.26")]
    [InlineData("^0.4.0", "0.4.26")]
    [InlineData("0.4.24", "0.4.24")]
    [InlineData("=0.4.25", "0.4.25")]
    [InlineData("0.4.9", "0.4.9")]
    [InlineData("~0.4.9", "0.4.26")]
    [InlineData(">=0.5.0 <0.7.0", "0.6.12")]
    [InlineData(">= 0.5.0  < 0.7.0", "0.6.12")]
    [InlineData("^0.5.0 || ^0.7.0", "0.7.6")]
    [InlineData(">0.4.26 <=0.5.17", "0.5.17")]
    [InlineData("0.6.x", "0.6.12")]
    [InlineData("0.4.10 - 0.4.24", "0.4.24")]
    [InlineData(">=0.4.22", "0.8.37")]
    public void Pragma_selects_highest_installed_version_in_range(string pragma, string expected)
    {
        var source = $"// pragma solidity ^0.8.0; in a comment is ignored\npragma solidity {pragma};\ncontract A {{}}";
        var selected = fixture.Compiler.SelectVersion(SolidityCompileRequest.ForSource(source));
        Assert.Equal(SolcVersion.Parse(expected), selected);
    }

    [Fact]
    public void Source_without_pragma_gets_the_newest_compiler() =>
        Assert.Equal(fixture.Compiler.InstalledVersions[0], fixture.Compiler.SelectVersion(SolidityCompileRequest.ForSource("contract A {}")));

    [Fact]
    public void Explicit_version_overrides_pragma() =>
        Assert.Equal(
            SolcVersion.Parse("0.5.17"),
            fixture.Compiler.SelectVersion(SolidityCompileRequest.ForSource("pragma solidity ^0.4.0; contract A {}", "0.5.17")));

    [Fact]
    public void Every_pragma_of_every_source_must_hold()
    {
        var request = new SolidityCompileRequest
        {
            Sources = new Dictionary<string, string>
            {
                ["A.sol"] = "pragma solidity >=0.4.0;",
                ["B.sol"] = "pragma solidity <0.6.0;",
            },
        };
        Assert.Equal(SolcVersion.Parse("0.5.17"), fixture.Compiler.SelectVersion(request));
    }

    [Theory]
    [InlineData("pragma solidity ^0.9.0; contract A {}", null)]
    [InlineData("pragma solidity 0.4.23; contract A {}", null)]
    [InlineData("contract A {}", "0.3.6")]
    [InlineData("contract A {}", "latest-and-greatest")]
    public void Unsatisfiable_version_lists_installed_ones(string source, string? version)
    {
        var e = Assert.Throws<SolidityCompilerException>(
            () => fixture.Compiler.SelectVersion(SolidityCompileRequest.ForSource(source, version)));
        Assert.Equal(SolidityFailure.UnsupportedVersion, e.Failure);
        Assert.Contains("Installed: 0.8.37, 0.7.6, 0.6.12, 0.5.17, 0.4.26, 0.4.25, 0.4.24, 0.4.9", e.Message);
    }

    [Fact]
    public void Installed_versions_are_found_highest_first()
    {
        var versions = fixture.Compiler.InstalledVersions;
        Assert.Equal(versions.OrderByDescending(v => v), versions);
        Assert.Contains(SolcVersion.Parse("0.4.26"), versions);
        Assert.Contains(SolcVersion.Parse("0.8.37"), versions);
    }
}
