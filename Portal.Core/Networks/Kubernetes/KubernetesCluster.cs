using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// The API client for the configured cluster: KubernetesClient's <see cref="k8s.Kubernetes"/> built once from the
/// kubeconfig file and context in <see cref="KubernetesOptions"/>, with the request timeout applied.
/// </summary>
public sealed class KubernetesCluster(IOptions<KubernetesOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private k8s.Kubernetes? _client;

    public KubernetesOptions Options => options.Value;

    /// <summary>The client; throws a <see cref="KubernetesException"/> naming the setting when no cluster is configured.</summary>
    public IKubernetes Client
    {
        get
        {
            EnsureConfigured();
            lock (_gate)
            {
                return _client ??= new k8s.Kubernetes(Configuration(Options));
            }
        }
    }

    public void EnsureConfigured()
    {
        if (!Options.IsConfigured)
        {
            throw KubernetesException.NotConfigured(Options);
        }
    }

    /// <summary>Why the kubeconfig (with the configured context) cannot be used, or null when it loads.</summary>
    internal static string? LoadError(KubernetesOptions options)
    {
        try
        {
            Configuration(options);
            return null;
        }
        catch (KubernetesException e)
        {
            return e.Message;
        }
    }

    private static KubernetesClientConfiguration Configuration(KubernetesOptions o)
    {
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(o.Kubeconfig, string.IsNullOrWhiteSpace(o.Context) ? null : o.Context);
            config.HttpClientTimeout = o.RequestTimeout;
            return config;
        }
        catch (Exception e) when (e is KubeConfigException or IOException or YamlDotNet.Core.YamlException or ArgumentException)
        {
            throw new KubernetesException(
                $"The kubeconfig '{o.Kubeconfig}' ({KubernetesOptions.Section}:Kubeconfig, context {(string.IsNullOrWhiteSpace(o.Context) ? "(current)" : o.Context)}) cannot be used: {e.Message}",
                $"fix the file or {KubernetesOptions.Section}:Context.", e);
        }
    }

    public void Dispose() => _client?.Dispose();
}
