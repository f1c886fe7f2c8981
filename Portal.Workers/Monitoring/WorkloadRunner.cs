using Hangfire;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Monitoring;

public sealed record WorkloadRequest(string? Kind, int? RatePerSecond, int? DurationSeconds);

/// <summary>A workload finished (completed or failed): its report is stored.</summary>
public sealed record WorkloadFinished(string WorkloadId, string NetworkId);

public sealed record WorkloadStart(Workload? Workload, IReadOnlyList<ProfileError> Errors, bool Found = true);

/// <summary>
/// Starts workloads: checks the request, records the workload, and queues its <see cref="WorkloadJob"/> on the
/// one-worker transactions queue.
/// </summary>
public sealed class WorkloadRunner(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner, IBackgroundJobClient jobs, TimeProvider clock)
{
    public static readonly string[] Kinds = ["transfer", "contract-call"];

    public Task<WorkloadStart> StartAsync(string networkId, WorkloadRequest request, string actor, CancellationToken ct) =>
        StartAsync(networkId, request, actor, null, ct);

    /// <summary>Starts a workload; a consortium member organization (<paramref name="organizationId"/>) sends from its own account.</summary>
    public async Task<WorkloadStart> StartAsync(string networkId, WorkloadRequest request, string actor, string? organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return new WorkloadStart(null, [], Found: false);
        }
        var errors = new List<ProfileError>();
        if (request.Kind is null || !Kinds.Contains(request.Kind))
        {
            errors.Add(new("kind", "One of: transfer, contract-call."));
        }
        if (request.RatePerSecond is not (>= 1 and <= 500))
        {
            errors.Add(new("ratePerSecond", "1 to 500 transactions per second."));
        }
        if (request.DurationSeconds is not (>= 1 and <= 600))
        {
            errors.Add(new("durationSeconds", "1 to 600 seconds."));
        }
        if (network.Status != NetworkStatus.Running)
        {
            errors.Add(new("networkId", $"The network is {network.Status}; workloads run on Running networks."));
        }
        else if (runner.PlatformFor(network) is var platform && !platform.Capabilities.Supports(PlatformFeatures.Workloads))
        {
            errors.Add(new("networkId", $"{platform.DisplayName} networks run no workloads of signed transactions."));
        }
        else if (platform is ITransferPlatform && request.Kind == "contract-call")
        {
            errors.Add(new("kind", $"{platform.DisplayName} has no contracts to call: run a transfer workload."));
        }
        if (errors.Count > 0)
        {
            return new WorkloadStart(null, errors);
        }
        var workload = new Workload
        {
            Id = Guid.NewGuid().ToString("N"), NetworkId = networkId, Kind = request.Kind!, RatePerSecond = request.RatePerSecond!.Value,
            DurationSeconds = request.DurationSeconds!.Value, Status = "running", CreatedBy = actor, OrganizationId = organizationId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Workloads.Add(workload);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<WorkloadJob>(JobQueues.Transactions, j => j.RunAsync(workload.Id, CancellationToken.None));
        return new WorkloadStart(workload, []);
    }

    /// <summary>The network's newest workload started by <paramref name="organizationId"/>'s people (null: the operator's).</summary>
    public async Task<Workload?> LatestAsync(string networkId, string? organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workloads.AsNoTracking().Where(w => w.NetworkId == networkId && w.OrganizationId == organizationId)
            .OrderByDescending(w => w.CreatedAt).FirstOrDefaultAsync(ct);
    }

    public async Task<Workload?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workloads.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
    }
}
