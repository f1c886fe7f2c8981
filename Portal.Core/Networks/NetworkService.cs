using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

public sealed record CreateNetworkResult(Network? Network, IReadOnlyList<ProfileError> Errors);

/// <summary>Where a channel goes: under its consortium network, shared with some of the consortium's member organizations.</summary>
public sealed record ChannelPlacement(string ConsortiumId, IReadOnlyList<string> MemberOrganizationIds);

public enum DeleteNetworkOutcome
{
    Deleted,
    NotFound,

    /// <summary>A consortium with channels: its channels are deleted first.</summary>
    HasChannels,
}

/// <summary>Creates networks from profiles (then deploys them in the background) and deletes them.</summary>
public sealed class NetworkService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ProfileValidator validator,
    INetworkDeploymentQueue deployments,
    NodeRunner runner,
    NodeLocks locks,
    NetworkAudit audit,
    LiveNotifier notifier,
    TimeProvider clock,
    IOptions<PortalOptions> portal)
{
    public Task<CreateNetworkResult> CreateAsync(NetworkProfile profile, string actor, CancellationToken ct = default) =>
        CreateAsync(profile, actor, Organizations.Organization.DefaultId, ct);

    public Task<CreateNetworkResult> CreateAsync(NetworkProfile profile, string actor, string organizationId, CancellationToken ct = default) =>
        CreateAsync(profile, actor, organizationId, null, ct);

    /// <summary>Creates a network run by <paramref name="organizationId"/>; names are unique within an organization. A
    /// channel is created with its consortium and member organizations in the same save, so it never exists unplaced.</summary>
    public async Task<CreateNetworkResult> CreateAsync(NetworkProfile profile, string actor, string organizationId, ChannelPlacement? channel, CancellationToken ct = default)
    {
        profile = profile with { Name = profile.Name.Trim() };
        var errors = validator.Validate(profile).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (errors.All(e => e.Field != "name") && (await db.Networks.Where(n => n.OrganizationId == organizationId).Select(n => n.Name).ToListAsync(ct)).Contains(profile.Name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new ProfileError("name", $"A network named '{profile.Name}' already exists; pick another name."));
        }
        if (errors.Count > 0)
        {
            return new CreateNetworkResult(null, errors);
        }
        if (runner.PlatformNamed(profile.Platform).Capabilities.Hardforks.Count == 0)
        {
            profile = profile with { Hardfork = "" }; // Ethereum's default means nothing to Neo or Litecoin nodes
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var network = new Network
        {
            Id = NewId(),
            Name = profile.Name,
            Platform = profile.Platform,
            Driver = profile.Driver,
            ProfileJson = JsonSerializer.Serialize(profile, JsonSerializerOptions.Web),
            Status = NetworkStatus.Deploying,
            OrganizationId = organizationId,
            ParentNetworkId = channel?.ConsortiumId,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 1; i <= profile.NodeCount; i++)
        {
            network.Nodes.Add(new NetworkNode
            {
                Id = NewId(),
                NetworkId = network.Id,
                Name = $"node-{i}",
                Status = NodeStatus.Starting,
                Hardfork = profile.Hardfork,
                DataDirectory = Path.Combine(portal.Value.ResolvedDataDirectory, "networks", network.Id, $"node-{i}"),
                UpdatedAt = now,
            });
        }
        db.Networks.Add(network);
        foreach (var member in channel?.MemberOrganizationIds ?? [])
        {
            db.NetworkMembers.Add(new Organizations.NetworkMember { NetworkId = network.Id, OrganizationId = member, AddedBy = actor, JoinedAt = now });
        }
        db.DeploymentSteps.AddRange(DeploymentPlan.Steps.Select((name, i) => new DeploymentStep { NetworkId = network.Id, Order = i, Name = name, Status = StepStatus.Pending }));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(network.Id, null, actor, "create", "accepted", $"{profile.Platform} on {profile.Driver}, {profile.NodeCount} node(s)", ct);
        await deployments.EnqueueAsync(network.Id, ct);
        return new CreateNetworkResult(network, []);
    }

    /// <summary>Stops every node, removes the network's data and rows; the audit log keeps the deletion.</summary>
    public async Task<DeleteNetworkOutcome> DeleteAsync(string networkId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return DeleteNetworkOutcome.NotFound;
        }
        if (await db.Networks.AnyAsync(n => n.ParentNetworkId == networkId, ct))
        {
            return DeleteNetworkOutcome.HasChannels;
        }
        // Every node stays locked until its row is gone: a supervisor tick in between would find the stopped node's
        // process missing, audit it as down and try to restart it while its network is being deleted. Nothing else
        // holds two node locks at once, so taking them all (in id order) cannot deadlock.
        var held = new List<IDisposable>();
        try
        {
            foreach (var node in network.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                held.Add(await locks.AcquireAsync(node.Id, ct));
            }
            // All at once: each stop may wait out its grace period, and the user waits for the slowest, not the sum.
            var driver = runner.DriverFor(network);
            await Task.WhenAll(network.Nodes.Select(node => driver.StopAsync(node, TimeSpan.FromSeconds(10), ct)));
            if (runner.DriverFor(network) is Kubernetes.KubernetesNodeDriver cluster)
            {
                // The cluster's resources go first: a failure leaves the network listed, so nothing runs unseen.
                await cluster.DeleteNetworkAsync(network, NodeRunner.ReadProfile(network), ct);
            }
            db.Networks.Remove(network);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }
        var folder = Path.Combine(portal.Value.ResolvedDataDirectory, "networks", network.Id);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        await audit.RecordAsync(networkId, null, actor, "delete", "succeeded", $"Deleted {network.Name}; its nodes were stopped and their ports freed.", ct);
        await notifier.PublishAsync(new NetworkChanged(networkId));
        return DeleteNetworkOutcome.Deleted;
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
