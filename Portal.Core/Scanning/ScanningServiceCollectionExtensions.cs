using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Scanning;

public static class ScanningServiceCollectionExtensions
{
    /// <summary>The static scanner and scan records; the workers provide <see cref="IScanQueue"/>.</summary>
    public static IServiceCollection AddScanning(this IServiceCollection services)
    {
        services.AddSingleton<SolidityScanner>();
        services.AddSingleton<ScanService>();
        return services;
    }
}
