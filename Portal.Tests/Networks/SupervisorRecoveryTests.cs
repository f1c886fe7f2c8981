using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Leases;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Networks;

namespace NutPortal.Tests.Networks;

/// <summary>
/// The embedded default's supervisor, on taking the lease, fails deployments an earlier portal process left half
/// done, and never one this process is running (CI saw a test's own deployment failed as "interrupted by a
/// portal restart" when the supervisor's lease came back to it mid-deployment).
/// </summary>
public sealed class SupervisorRecoveryTests
{
    [Fact]
    public async Task Taking_the_lease_fails_only_deployments_a_previous_process_started()
    {
        await using var portal = new PortalFactory().WithSetting("Portal:Networks:SupervisorIntervalMilliseconds", "200");
        using var _ = portal.CreateAdminClient(); // starts the portal
        var leases = portal.Services.GetRequiredService<LeaseKeeper>();
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await Eventually.HoldsAsync(async () => await leases.HolderOfAsync(NodeSupervisor.LeaseName, CancellationToken.None) == leases.Holder,
            "the portal never supervised");
        var before = await AddDeployingAsync(contexts, "left-by-a-crash", DateTime.UtcNow.AddHours(-1));
        var own = await AddDeployingAsync(contexts, "deploying-now", DateTime.UtcNow);

        // Another holder for a moment, then its lease expires: the supervisor takes the lease again.
        await SetLeaseAsync(contexts, "another-replica", DateTime.UtcNow.AddMinutes(5));
        await Task.Delay(TimeSpan.FromSeconds(2)); // ten ticks that find the lease taken (nothing to observe them by)
        Assert.Equal(NetworkStatus.Deploying, await StatusAsync(contexts, before));
        await SetLeaseAsync(contexts, "another-replica", DateTime.UtcNow.AddMinutes(-1));
        await Eventually.HoldsAsync(() => SupervisesAsync(contexts, leases), "the supervisor never took the lease back");

        await Eventually.HoldsAsync(async () => await StatusAsync(contexts, before) == NetworkStatus.Failed, "the crashed deployment was not failed");
        Assert.Equal(NetworkStatus.Deploying, await StatusAsync(contexts, own));
    }

    private static async Task<string> AddDeployingAsync(IDbContextFactory<PortalDbContext> contexts, string name, DateTime createdAt)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var network = new Network
        {
            Id = Guid.NewGuid().ToString("N")[..12], Name = name, Platform = "ethereum-anvil", Driver = "local",
            ProfileJson = JsonSerializer.Serialize(new NetworkProfile { Name = name }, JsonSerializerOptions.Web),
            Status = NetworkStatus.Deploying, CreatedBy = "test", CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return network.Id;
    }

    private static async Task SetLeaseAsync(IDbContextFactory<PortalDbContext> contexts, string holder, DateTime until)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Leases.Where(l => l.Name == NodeSupervisor.LeaseName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until));
    }

    private static async Task<bool> SupervisesAsync(IDbContextFactory<PortalDbContext> contexts, LeaseKeeper leases)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Leases.AnyAsync(l => l.Name == NodeSupervisor.LeaseName && l.Holder == leases.Holder);
    }

    private static async Task<NetworkStatus> StatusAsync(IDbContextFactory<PortalDbContext> contexts, string id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Networks.Where(n => n.Id == id).Select(n => n.Status).SingleAsync();
    }
}
