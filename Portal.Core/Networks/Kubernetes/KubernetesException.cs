namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>A Kubernetes operation failed; the message says what failed and <see cref="Hint"/> what the operator can do.</summary>
public sealed class KubernetesException : Exception
{
    public KubernetesException(string problem, string hint, Exception? inner = null)
        : base($"{problem}: {hint}", inner)
    {
        Hint = hint;
    }

    public KubernetesException()
    {
    }

    public KubernetesException(string message)
        : base(message)
    {
    }

    public KubernetesException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Hint { get; } = "";

    internal static KubernetesException NotConfigured(KubernetesOptions options) =>
        string.IsNullOrWhiteSpace(options.Kubeconfig)
            ? new("No cluster configured", $"set {KubernetesOptions.Section}:Kubeconfig, or download the manifests and apply them yourself.")
            : new(
                $"No cluster configured: the kubeconfig '{options.Kubeconfig}' ({KubernetesOptions.Section}:Kubeconfig) does not exist",
                "fix the path, or download the manifests and apply them yourself.");
}
