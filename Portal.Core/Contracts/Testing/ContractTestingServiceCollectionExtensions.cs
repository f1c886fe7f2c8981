using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Contracts.Testing;

public static class ContractTestingServiceCollectionExtensions
{
    /// <summary>Test suites and their runs; the workers provide <see cref="IContractTestQueue"/> and run them.</summary>
    public static IServiceCollection AddContractTesting(this IServiceCollection services)
    {
        services.AddOptions<ContractTestOptions>().BindConfiguration(ContractTestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContractTestSuites>();
        return services;
    }
}
