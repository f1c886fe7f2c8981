using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Turns the API client's failures into a <see cref="KubernetesException"/> that names the verb, the resource and
/// what the API server said (the message of its <c>Status</c> answer), with what the operator can do.
/// </summary>
internal static class KubernetesApiCall
{
    public static async Task RunAsync(string verb, string kind, string? ns, string name, Func<Task> call, CancellationToken ct, bool missingIsFine = false)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException e) when (missingIsFine && e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: deleting is idempotent.
        }
        catch (HttpOperationException e)
        {
            throw Failed(verb, Resource(kind, ns, name), e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(verb, Resource(kind, ns, name), e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new KubernetesException($"Could not {verb} {Resource(kind, ns, name)}: the API server did not answer in time",
                $"check that the cluster is reachable, or raise {KubernetesOptions.Section}:RequestTimeoutSeconds.", e);
        }
    }

    public static string Resource(string kind, string? ns, string name) => ns is null ? $"{kind} {name}" : $"{kind} {ns}/{name}";

    public static KubernetesException Failed(string verb, string resource, HttpOperationException e)
    {
        var status = e.Response?.StatusCode is { } code ? $"{(int)code} {code}" : "no answer";
        var hint = e.Response?.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"the credentials in {KubernetesOptions.Section}:Kubeconfig were refused; renew them.",
            HttpStatusCode.Forbidden => $"give the kubeconfig's user the rights to {verb} {KindOf(resource)} in the namespace ({KubernetesOptions.Section}:Kubeconfig, :Context), or download the manifests and apply them yourself.",
            HttpStatusCode.NotFound => $"the namespace may not exist: create it or set {KubernetesOptions.Section}:CreateNamespace.",
            _ => "check the cluster's state and the API server's logs, or download the manifests and apply them yourself.",
        };
        return new KubernetesException($"Could not {verb} {resource}: the API server answered {status}: {Message(e)}", hint, e);
    }

    public static KubernetesException Unreachable(string verb, string resource, Exception e) =>
        new($"Could not {verb} {resource}: the API server cannot be reached ({e.Message})",
            $"check the server address in {KubernetesOptions.Section}:Kubeconfig and that the cluster is up.", e);

    /// <summary>The <c>message</c> of the API server's Status answer; its raw body when it is not one.</summary>
    private static string Message(HttpOperationException e)
    {
        var body = e.Response?.Content ?? "";
        try
        {
            if (KubernetesJson.Deserialize<V1Status>(body) is { Message: { Length: > 0 } message })
            {
                return message;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status (a proxy's HTML page, say): show the start of what came back.
        }
        body = body.Trim();
        return body.Length == 0 ? e.Message : body.Length <= 300 ? body : body[..300] + " ...";
    }

    private static string KindOf(string resource) => resource.Split(' ')[0];
}
