namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>Where the Kubernetes driver deploys nodes (bound from <c>Portal:Kubernetes</c>).</summary>
public sealed class KubernetesOptions
{
    public const string Section = "Portal:Kubernetes";

    public string Namespace { get; set; } = "nutportal";

    /// <summary>The storage class of the nodes' volumes; the cluster's default class when unset.</summary>
    public string? StorageClassName { get; set; }

    /// <summary>Path of the kubeconfig file kubectl uses; without it the portal only renders manifests.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context; kubectl's current context when unset.</summary>
    public string? Context { get; set; }

    public string KubectlPath { get; set; } = "kubectl";

    /// <summary>Adds a Namespace document so <c>kubectl apply</c> creates the namespace (needs cluster-level rights).</summary>
    public bool CreateNamespace { get; set; }

    /// <summary>Headless Services (DNS to the pod) by default; false gives each node a ClusterIP.</summary>
    public bool HeadlessService { get; set; } = true;

    /// <summary>How long one kubectl command may take before it is killed.</summary>
    public int CommandTimeoutSeconds { get; set; } = 60;

    /// <summary>True when a kubeconfig path is set and the file exists.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Kubeconfig) && File.Exists(Kubeconfig);

    internal TimeSpan CommandTimeout => TimeSpan.FromSeconds(CommandTimeoutSeconds);
}
