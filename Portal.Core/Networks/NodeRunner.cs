using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>
/// Starts and stops single nodes the same way for deployment, operator actions and the supervisor: launch
/// through the network's driver, wait for RPC, record the outcome on the node, and publish the change.
/// Callers hold the node's lock.
/// </summary>
public sealed class NodeRunner(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEnumerable<IBlockchainPlatform> platforms,
    IEnumerable<INodeDriver> drivers,
    PortAllocator ports,
    LiveNotifier notifier,
    TimeProvider clock,
    IOptions<NetworkOptions> options,
    ILogger<NodeRunner> logger)
{
    public static NetworkProfile ReadProfile(Network network) =>
        JsonSerializer.Deserialize<NetworkProfile>(network.ProfileJson, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("Network without a profile.");

    public INodeDriver DriverFor(Network network) =>
        drivers.FirstOrDefault(d => d.Name == network.Driver)
        ?? throw new NodeStartException($"The '{network.Driver}' driver is not available in this portal.", "Use the local driver, or configure the driver in Portal settings.");

    public IBlockchainPlatform PlatformFor(Network network) => PlatformNamed(network.Platform);

    public IBlockchainPlatform PlatformNamed(string name) =>
        platforms.FirstOrDefault(p => p.Name == name)
        ?? throw new NodeStartException($"Platform '{name}' is not installed.", "Redeploy the network on an available platform.");

    /// <summary>
    /// Gives every local node of the network that has none its block of loopback ports, then lets the platform
    /// write what the nodes share (for Neo, the .neo-express file with those ports). Returns the step's message.
    /// </summary>
    public async Task<string> AllocateAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleAsync(n => n.Id == networkId, ct);
        var reserved = new List<int>();
        try
        {
            foreach (var node in network.Nodes.OrderBy(NodeNumbers.Number))
            {
                Directory.CreateDirectory(node.DataDirectory);
                if (DriverFor(network) is LocalNodeDriver && node.Port is null)
                {
                    node.Port = await ports.AllocateAsync(ct);
                    node.RpcUrl = $"http://{node.Host}:{node.Port}";
                    reserved.Add(node.Port.Value);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // The ports are recorded on the nodes now (or were never used): the in-memory reservations can go.
            reserved.ForEach(ports.Release);
        }
        var message = await PlatformFor(network).ConfigureAsync(ReadProfile(network), Contexts(network), ct);
        return $"Data folders ready under {Path.GetDirectoryName(network.Nodes[0].DataDirectory)}. {message}";
    }

    /// <summary>Launches the node (allocating its ports first if it has none) and returns once the process is started.</summary>
    public async Task LaunchAsync(string nodeId, NetworkProfile? profileOverride, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.NetworkNodes.SingleAsync(n => n.Id == nodeId, ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleAsync(n => n.Id == node.NetworkId, ct);
        var profile = profileOverride ?? ReadProfile(network);
        var driver = DriverFor(network);
        var platform = PlatformFor(network);
        // Local nodes get loopback ports from the configured range; other drivers set the node's address themselves.
        var allocated = driver is LocalNodeDriver && node.Port is null;
        if (driver is LocalNodeDriver)
        {
            node.Port ??= await ports.AllocateAsync(ct);
            node.RpcUrl = $"http://{node.Host}:{node.Port}";
        }
        try
        {
            // Another program may have taken a recorded port since it was handed out (or since the node last ran):
            // say which, rather than let the node fail to bind and time out.
            if (driver is LocalNodeDriver && PortListeners.FirstHeld(node.Port!.Value, PortAllocator.PortsPerNode) is { } held)
            {
                throw new NodeStartException($"{node.Name} cannot start: its port {held.Port} is in use by {held.Holder}.",
                    "Stop that program and start the node again (new networks skip ports in use).");
            }
            var launch = platform.CreateLaunch(profile, Contexts(network).Single(c => c.NodeName == node.Name));
            node.ProcessId = await driver.StartAsync(new NodeStartRequest(network, node, profile, launch), ct);
            node.Status = NodeStatus.Starting;
            node.Version = launch.Version;
            node.Hardfork = profile.Hardfork;
            node.LastError = null;
            node.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        catch (KubernetesException ex)
        {
            throw new NodeStartException($"Could not start {node.Name}: {ex.Message}", ex.Hint, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NodeStartException)
        {
            throw new NodeStartException($"Could not start {node.Name}: {ex.Message}", $"Check that the node software is installed ({platform.Facts.InstallCommand}) and the data folder is writable.", ex);
        }
        finally
        {
            if (allocated && node.Port is { } port)
            {
                ports.Release(port);
            }
        }
        await notifier.PublishAsync(new NetworkChanged(network.Id));
    }

    /// <summary>Every node's endpoints in node order, each with the others as peers.</summary>
    private static List<NodeLaunchContext> Contexts(Network network)
    {
        var contexts = network.Nodes.OrderBy(NodeNumbers.Number)
            .Select(n => new NodeLaunchContext(n.Name, n.Host, n.Port ?? 0, n.DataDirectory, NodeNumbers.Index(n))).ToList();
        return [.. contexts.Select(c => c with { Peers = contexts })];
    }

    /// <summary>Waits until the node answers its RPC, then marks it Up; on timeout or exit, throws.</summary>
    public async Task WaitForRpcAsync(string nodeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.NetworkNodes.SingleAsync(n => n.Id == nodeId, ct);
        var network = await db.Networks.SingleAsync(n => n.Id == node.NetworkId, ct);
        var driver = DriverFor(network);
        var platform = PlatformFor(network);
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(options.Value.RpcReadyTimeoutSeconds);
        while (true)
        {
            if (!driver.IsRunning(node))
            {
                var tail = string.Join(" | ", driver.RecentLogLines(node, 3));
                throw new NodeStartException($"{node.Name} exited while starting. Last log lines: {tail}", "Open the node's log below; fix the setting it complains about and redeploy.");
            }
            try
            {
                var state = await platform.ReadStateAsync(node, ct);
                await platform.PrepareNodeAsync(ReadProfile(network), node, ct);
                node.Version = state.Version;
                node.BlockHeight = state.Height;
                break;
            }
            catch (NodeRpcException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(100, ct);
            }
            catch (NodeRpcException ex)
            {
                throw new NodeStartException($"{node.Name} did not answer its RPC at {node.RpcUrl} within {options.Value.RpcReadyTimeoutSeconds} s: {ex.Message}",
                    "The machine may be overloaded; raise Portal:Networks:RpcReadyTimeoutSeconds or free resources, then restart the node.", ex);
            }
        }
        node.Status = NodeStatus.Up;
        node.StartedAt = clock.GetUtcNow().UtcDateTime;
        node.UpdatedAt = node.StartedAt.Value;
        await db.SaveChangesAsync(ct);
        await UpdateNetworkStatusAsync(network.Id, ct);
        logger.LogInformation("Node {Node} of {Network} is up at {Url}", node.Name, network.Name, node.RpcUrl);
    }

    /// <summary>Stops the node's process and records the new status (Stopped for an operator, Failed or Down otherwise).</summary>
    public async Task StopAsync(string nodeId, NodeStatus status, string? error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.NetworkNodes.SingleAsync(n => n.Id == nodeId, ct);
        var network = await db.Networks.SingleAsync(n => n.Id == node.NetworkId, ct);
        await DriverFor(network).StopAsync(node, TimeSpan.FromSeconds(10), ct);
        node.Status = status;
        node.ProcessId = null;
        node.LastError = error;
        node.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await UpdateNetworkStatusAsync(network.Id, ct);
    }

    public async Task CountRestartAsync(string nodeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.NetworkNodes.Where(n => n.Id == nodeId).ExecuteUpdateAsync(s => s.SetProperty(n => n.RestartCount, n => n.RestartCount + 1), ct);
    }

    public async Task UpdateNetworkStatusAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return;
        }
        // A failed deployment (its reason in StatusMessage) stays Failed; a network that became Failed only because its
        // nodes failed (a start that did not come up) follows its nodes again once one is started.
        var current = network.Status == NetworkStatus.Failed && network.StatusMessage is null ? NetworkStatus.Running : network.Status;
        var status = NetworkStatusRules.Derive(current, network.Nodes, PlatformFor(network).CanProduceBlocks(ReadProfile(network), network.Nodes));
        if (status != network.Status)
        {
            network.Status = status;
            network.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        await notifier.PublishAsync(new NetworkChanged(networkId));
    }
}
