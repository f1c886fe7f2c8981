using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks.Drivers;

namespace NutPortal.Core.Networks.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="KubernetesOptions"/> from <c>Portal:Kubernetes</c> (validated at start) and registers
    /// the renderer, the API client (<see cref="KubernetesCluster"/>), applier and readiness wait, and the Kubernetes driver as an <see cref="INodeDriver"/>.
    /// Blockchain platforms are registered elsewhere.
    /// </summary>
    public static IServiceCollection AddKubernetesDriver(this IServiceCollection services)
    {
        services.AddOptions<KubernetesOptions>().BindConfiguration(KubernetesOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidator>());
        services.TryAddSingleton<KubernetesManifestRenderer>();
        services.TryAddSingleton<KubernetesCluster>();
        services.TryAddSingleton<KubernetesApplier>();
        services.TryAddSingleton<KubernetesReadiness>();
        services.TryAddSingleton<KubernetesNodeDriver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INodeDriver, KubernetesNodeDriver>(sp => sp.GetRequiredService<KubernetesNodeDriver>()));
        return services;
    }
}
