using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

public sealed record WorkloadRequest(string? Kind, int? RatePerSecond, int? DurationSeconds);

/// <summary>A workload finished (completed or failed): its report is stored.</summary>
public sealed record WorkloadFinished(string WorkloadId, string NetworkId);

public sealed record WorkloadStart(Workload? Workload, IReadOnlyList<ProfileError> Errors, bool Found = true);

/// <summary>
/// Starts workloads: checks the request, records the workload, and runs it in the background
/// (<see cref="WorkloadSession"/>) until it is complete or the portal stops.
/// </summary>
public sealed class WorkloadRunner(
    IDbContextFactory<PortalDbContext> dbFactory,
    NetworkAccountKeys keys,
    NodeRunner runner,
    IJsonRpcClientFactory rpc,
    TraceRecorder traces,
    LiveNotifier notifier,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<WorkloadRunner> logger)
{
    public static readonly string[] Kinds = ["transfer", "contract-call"];

    public async Task<WorkloadStart> StartAsync(string networkId, WorkloadRequest request, string actor, CancellationToken ct)
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
            errors.Add(new("networkId", $"Workloads of signed transactions run on Ethereum networks; {platform.DisplayName} networks have none yet."));
        }
        if (errors.Count > 0)
        {
            return new WorkloadStart(null, errors);
        }
        var workload = new Workload
        {
            Id = Guid.NewGuid().ToString("N"), NetworkId = networkId, Kind = request.Kind!, RatePerSecond = request.RatePerSecond!.Value,
            DurationSeconds = request.DurationSeconds!.Value, Status = "running", CreatedBy = actor, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Workloads.Add(workload);
        await db.SaveChangesAsync(ct);
        _ = Task.Run(() => RunAsync(workload.Id, networkId, lifetime.ApplicationStopping), CancellationToken.None);
        return new WorkloadStart(workload, []);
    }

    public async Task<Workload?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workloads.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
    }

    private async Task RunAsync(string id, string networkId, CancellationToken ct)
    {
        string status = "completed", error = "";
        WorkloadReport? report = null;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var workload = await db.Workloads.AsNoTracking().SingleAsync(w => w.Id == id, ct);
            var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleAsync(n => n.Id == workload.NetworkId, ct);
            var accounts = await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == network.Id).OrderBy(a => a.Id).ToListAsync(ct);
            var node = network.Nodes.FirstOrDefault(n => n.Status == NodeStatus.Up && n.RpcUrl is not null)
                ?? throw new InvalidOperationException("No node of the network is up.");
            if (accounts.Count == 0)
            {
                throw new InvalidOperationException("The network has no funded accounts to send from.");
            }
            using var session = new WorkloadSession(rpc.Create(new Uri(node.RpcUrl!)), NodeRunner.ReadProfile(network).ChainId, [.. accounts.Select(keys.Unprotect)],
                network.Id, traces, clock);
            report = await session.RunAsync(workload.Kind, workload.RatePerSecond, workload.DurationSeconds, ct);
        }
        catch (Exception ex)
        {
            status = "failed";
            error = ex.Message;
            logger.LogWarning(ex, "Workload {Workload} failed", id);
        }
        await using var save = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await save.Workloads.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, status)
            .SetProperty(w => w.Error, error.Length == 0 ? null : error[..Math.Min(error.Length, 2000)])
            .SetProperty(w => w.ReportJson, report == null ? null : JsonSerializer.Serialize(report, JsonSerializerOptions.Web))
            .SetProperty(w => w.FinishedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        await notifier.PublishAsync(new WorkloadFinished(id, networkId));
    }
}
