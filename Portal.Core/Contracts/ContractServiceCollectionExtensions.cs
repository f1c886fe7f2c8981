using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Scanning;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Contracts;

public static class ContractServiceCollectionExtensions
{
    /// <summary>The contract center: compile, projects and versions, deploy and interact, and security scans.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddOptions<ContractOptions>().BindConfiguration(ContractOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContractCompiler>();
        services.AddSingleton<ContractProjects>();
        services.AddSingleton<ContractGrids>();
        services.AddSingleton<NetworkRpc>();
        services.AddSingleton<NetworkSigner>();
        services.AddSingleton<DeployGate>();
        services.AddSingleton<ContractDeployer>();
        services.AddSingleton<ContractInteraction>();
        services.AddSingleton<DeployedContractAbis>();
        services.AddSingleton<IContractAbiLookup>(sp => sp.GetRequiredService<DeployedContractAbis>());
        services.AddScanning();
        services.AddContractTesting();
        return services;
    }
}
