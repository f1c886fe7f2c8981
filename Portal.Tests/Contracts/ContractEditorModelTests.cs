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
}
