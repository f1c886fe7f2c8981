namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Applies and deletes rendered manifests with <c>kubectl apply|delete -f -</c> (the YAML goes through
/// stdin, so no manifest files are left on disk). Refuses to work without a configured cluster.
/// </summary>
public sealed class KubectlApplier(KubectlRunner kubectl)
{
    /// <summary>Creates or updates every resource in <paramref name="yaml"/>; returns kubectl's summary lines.</summary>
    public async Task<string> ApplyAsync(string yaml, CancellationToken ct)
    {
        EnsureConfigured();
        var result = await kubectl.RunCheckedAsync(["apply", "-f", "-"], yaml, null, ct);
        return result.StandardOutput;
    }

    /// <summary>
    /// Deletes every resource in <paramref name="yaml"/> (volumes and chain data included). A Namespace
    /// document is refused: deleting it would take every other network in the namespace with it.
    /// </summary>
    public async Task<string> DeleteAsync(string yaml, CancellationToken ct)
    {
        if (yaml.Contains("\nkind: Namespace\n", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The manifests contain a Namespace: render them with KubernetesManifestRenderer.RenderForDeletion.", nameof(yaml));
        }
        EnsureConfigured();
        var result = await kubectl.RunCheckedAsync(["delete", "--ignore-not-found=true", "-f", "-"], yaml, null, ct);
        return result.StandardOutput;
    }

    internal void EnsureConfigured()
    {
        if (!kubectl.Options.IsConfigured)
        {
            throw KubernetesException.NotConfigured(kubectl.Options);
        }
    }
}
