using Microsoft.Extensions.Options;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>Fails start-up on settings Kubernetes would reject later, naming the configuration key to fix.</summary>
public sealed class KubernetesOptionsValidator : IValidateOptions<KubernetesOptions>
{
    public ValidateOptionsResult Validate(string? name, KubernetesOptions options)
    {
        var errors = new List<string>();
        if (!KubernetesNames.IsDns1123Label(options.Namespace))
        {
            errors.Add($"{KubernetesOptions.Section}:Namespace '{options.Namespace}' is not a valid namespace name: "
                + "1 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit.");
        }
        if (options.StorageClassName is { } storageClass && !KubernetesNames.IsDns1123Subdomain(storageClass))
        {
            errors.Add($"{KubernetesOptions.Section}:StorageClassName '{storageClass}' is not a valid storage class name: "
                + "lowercase letters, digits, '-' and '.', at most 253 characters.");
        }
        if (string.IsNullOrWhiteSpace(options.KubectlPath))
        {
            errors.Add($"{KubernetesOptions.Section}:KubectlPath is empty: leave it unset for 'kubectl' on the PATH, or give the full path.");
        }
        if (options.CommandTimeoutSeconds is < 1 or > 3600)
        {
            errors.Add($"{KubernetesOptions.Section}:CommandTimeoutSeconds must be between 1 and 3600; got {options.CommandTimeoutSeconds}.");
        }
        // A kubeconfig that does not exist is not an error here: the portal still renders manifests, and the
        // driver says exactly what is missing when asked to deploy.
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
