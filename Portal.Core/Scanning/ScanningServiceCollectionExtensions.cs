using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Scanning.Model;

namespace NutPortal.Core.Scanning;

public static class ScanningServiceCollectionExtensions
{
    /// <summary>The scanner (static rules plus the shipped learned model) and scan records; the workers provide <see cref="IScanQueue"/>.</summary>
    public static IServiceCollection AddScanning(this IServiceCollection services)
    {
        services.AddSingleton(_ => ScannerModel.Shipped);
        services.AddSingleton<SolidityScanner>();
        services.AddSingleton<ScanService>();
        return services;
    }
}
