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
        if (options.RequestTimeoutSeconds is < 1 or > 3600)
        {
            errors.Add($"{KubernetesOptions.Section}:RequestTimeoutSeconds must be between 1 and 3600; got {options.RequestTimeoutSeconds}.");
        }
        if (options.ReadyTimeoutSeconds is < 1 or > 86400)
        {
            errors.Add($"{KubernetesOptions.Section}:ReadyTimeoutSeconds must be between 1 and 86400; got {options.ReadyTimeoutSeconds}.");
        }
        // A kubeconfig that does not exist is not an error here: the portal still renders manifests, and the
        // driver says exactly what is missing when asked to deploy. One that exists must load with its context.
        if (options.IsConfigured && KubernetesCluster.LoadError(options) is { } kubeconfigError)
        {
            errors.Add(kubeconfigError);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
