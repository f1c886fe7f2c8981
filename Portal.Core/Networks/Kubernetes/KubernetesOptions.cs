namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>Where the Kubernetes driver deploys nodes (bound from <c>Portal:Kubernetes</c>).</summary>
public sealed class KubernetesOptions
{
    public const string Section = "Portal:Kubernetes";

    public string Namespace { get; set; } = "nutportal";

    /// <summary>The storage class of the nodes' volumes; the cluster's default class when unset.</summary>
    public string? StorageClassName { get; set; }

    /// <summary>Path of the kubeconfig file the API client reads; without it the portal only renders manifests.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context; the file's current context when unset.</summary>
    public string? Context { get; set; }

    /// <summary>Adds a Namespace document, applied first, so the namespace is created (needs cluster-level rights).</summary>
    public bool CreateNamespace { get; set; }

    /// <summary>Headless Services (DNS to the pod) by default; false gives each node a ClusterIP.</summary>
    public bool HeadlessService { get; set; } = true;

    /// <summary>How long one request to the API server may take.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a started node's StatefulSet may take to report its pod ready (image pull, volume, readiness probe).</summary>
    public int ReadyTimeoutSeconds { get; set; } = 300;

    /// <summary>True when a kubeconfig path is set and the file exists.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Kubeconfig) && File.Exists(Kubeconfig);

    internal TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    internal TimeSpan ReadyTimeout => TimeSpan.FromSeconds(ReadyTimeoutSeconds);
}
