using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Solidity;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddSolidityToolchain_registers_one_configured_compiler()
    {
        var services = new ServiceCollection().AddSolidityToolchain(o => o.MaxSourceBytes = 100);
        await using var provider = services.BuildServiceProvider();

        var compiler = provider.GetRequiredService<ISolidityCompiler>();
        Assert.Same(compiler, provider.GetRequiredService<ISolidityCompiler>());
        Assert.NotEmpty(compiler.InstalledVersions);
        // The configured limit is in force: a 200-byte source is refused without starting node.
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(
            () => compiler.CompileAsync(SolidityCompileRequest.ForSource(new string(' ', 200))));
        Assert.Equal(SolidityFailure.SourceTooLarge, e.Failure);
    }
}
