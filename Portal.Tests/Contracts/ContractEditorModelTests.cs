using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Scanning;
using NutPortal.Web.Components.Contracts;

namespace NutPortal.Tests.Contracts;

public sealed class ContractEditorModelTests(ScannerFixture solc) : IClassFixture<ScannerFixture>
{
    [Fact]
    public async Task A_compile_shows_functions_sizes_and_a_deployment_gas_floor_and_errors_become_markers()
    {
        var model = new ContractEditorModel(new ContractCompiler(solc.Compiler));
        var source = ContractTemplates.Find("erc20")!.Source;

        await model.CompileAsync(source, CancellationToken.None);
        var token = Assert.Single(model.Contracts);
        await model.CompileAsync(source.Replace("balanceOf[from] -= value;", "balanceOf[form] -= value;", StringComparison.Ordinal), CancellationToken.None);

        Assert.Contains("transfer(address,uint256) nonpayable", token.Functions);
        Assert.True(token.BytecodeBytes > token.DeployedBytes && token.DeployedBytes > 0);
        Assert.True(token.DeploymentGas > 53_000 + (200L * token.DeployedBytes));
        Assert.Equal("errors", model.State);
        Assert.False(model.CanSave);
        Assert.Single(model.Markers());
    }

    [Fact]
    public async Task A_second_file_compiles_with_the_first_and_its_errors_are_marked_only_in_that_file()
    {
        var model = new ContractEditorModel(new ContractCompiler(solc.Compiler));
        model.Load("""
            // SPDX-License-Identifier: MIT
            pragma solidity ^0.8.20;
            import "./Math.sol";
            contract Calc { function twice(uint x) external pure returns (uint) { return MathLib.double(x); } }
            """, null, null, null);

        Assert.NotNull(model.AddFile("../Math.sol"));
        Assert.NotNull(model.AddFile("Math.txt"));
        Assert.NotNull(model.AddFile("contract.sol"));
        Assert.Null(model.AddFile("Math.sol"));
        Assert.Equal("Math.sol", model.ActiveFile);
        await model.CompileAsync("Math.sol", model.Source + "library MathLib { function double(uint x) internal pure returns (uint) { return x * 2 } }", CancellationToken.None);
        var stateWithTypo = model.State;
        var error = model.Diagnostics.Single(d => d.Severity == Core.Solidity.DiagnosticSeverity.Error);
        Assert.Single(model.Markers());
        model.Activate(ContractCompiler.MainFile);
        var inMain = model.Markers();
        await model.CompileAsync("Math.sol", model.Sources["Math.sol"].Replace("x * 2 }", "x * 2; }", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal("errors", stateWithTypo);
        Assert.Equal("Math.sol", error.SourceName);
        Assert.Empty(inMain);
        Assert.Equal("ok", model.State);
        Assert.Equal(["Contract.sol", "Math.sol"], model.Sources.Keys);
        Assert.Contains(model.Contracts, c => c.Artifact.Name == "Calc");
        Assert.False(model.RemoveFile("Nope.sol"));
        Assert.True(model.RemoveFile("Math.sol"));
        Assert.False(model.RemoveFile(ContractCompiler.MainFile));
    }

    [Fact]
    public void A_new_projects_name_follows_the_apis_rule_of_1_to_128_characters()
    {
        Assert.Equal("A name of 1 to 128 characters is required.", ContractEditorModel.NameProblem("  "));
        Assert.NotNull(ContractEditorModel.NameProblem(null));
        Assert.NotNull(ContractEditorModel.NameProblem(new string('x', 129)));
        Assert.Null(ContractEditorModel.NameProblem(new string('x', 128)));
    }
}
