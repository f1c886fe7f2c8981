namespace NutPortal.Core.Networks;

/// <summary>Starts a network's deployment in the background (implemented by the workers' scheduler).</summary>
public interface INetworkDeploymentQueue
{
    Task EnqueueAsync(string networkId, CancellationToken ct);
}
