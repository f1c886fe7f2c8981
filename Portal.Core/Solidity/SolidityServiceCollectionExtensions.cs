using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NutPortal.Core.Solidity;

public static class SolidityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISolidityCompiler"/> as a singleton (its warm worker pools live as long as the
    /// container) and binds <see cref="SolidityCompilerOptions"/>.
    /// </summary>
    public static IServiceCollection AddSolidityToolchain(
        this IServiceCollection services, Action<SolidityCompilerOptions>? configure = null)
    {
        var options = services.AddOptions<SolidityCompilerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<SolidityCompiler>();
        services.TryAddSingleton<ISolidityCompiler>(sp => sp.GetRequiredService<SolidityCompiler>());
        return services;
    }
}
