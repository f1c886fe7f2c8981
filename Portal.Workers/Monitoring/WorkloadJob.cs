using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Sends one workload's transactions (Hangfire job on the one-worker transactions queue, argument: the workload id).
/// Runs once: it broadcasts transactions, so it never retries, and its recorded start keeps a redelivery from sending again.
/// </summary>
public sealed class WorkloadJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    NetworkAccountKeys keys,
    IJsonRpcClientFactory rpc,
    NodeRunner runner,
    TraceRecorder traces,
    WorkloadTransactions watched,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<WorkloadJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string networkId;
        await using (var claim = await dbFactory.CreateDbContextAsync(ct))
        {
            var workload = await claim.Workloads.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
            if (workload is null)
            {
                return $"Workload {id} is gone.";
            }
            networkId = workload.NetworkId;
            if (await claim.Workloads.Where(w => w.Id == id && w.StartedAt == null).ExecuteUpdateAsync(s => s.SetProperty(w => w.StartedAt, now), ct) == 0)
            {
                // Started before by a server that stopped: what it sent stays sent; never send twice.
                await claim.Workloads.Where(w => w.Id == id && w.FinishedAt == null).ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.Status, "failed")
                    .SetProperty(w => w.Error, "The portal running this workload stopped before it finished; run it again.")
                    .SetProperty(w => w.FinishedAt, now), ct);
                await notifier.PublishAsync(new WorkloadFinished(id, networkId));
                return $"Workload {id} had already started; not sent again.";
            }
        }
        string status = "completed", error = "";
        WorkloadReport? report = null;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var workload = await db.Workloads.AsNoTracking().SingleAsync(w => w.Id == id, ct);
            var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleAsync(n => n.Id == workload.NetworkId, ct);
            report = runner.PlatformFor(network) is ITransferPlatform transfers
                ? await RunTransfersAsync(transfers, network, workload, ct)
                : await RunSignedAsync(db, network, workload, ct);
        }
        catch (Exception ex)
        {
            status = "failed";
            error = ex.Message;
            logger.LogWarning(ex, "Workload {Workload} failed", id);
        }
        return await FinishAsync(id, networkId, status, error, report);
    }

    /// <summary>Ethereum: the portal signs with the network's funded accounts (or the member organization's own).</summary>
    private async Task<WorkloadReport> RunSignedAsync(PortalDbContext db, Network network, Workload workload, CancellationToken ct)
    {
        var accounts = await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == network.Id && a.OrganizationId == workload.OrganizationId).OrderBy(a => a.Id).ToListAsync(ct);
        var node = network.Nodes.FirstOrDefault(n => n.Status == NodeStatus.Up && n.RpcUrl is not null)
            ?? throw new InvalidOperationException("No node of the network is up.");
        if (accounts.Count == 0)
        {
            throw new InvalidOperationException(workload.OrganizationId is null ? "The network has no funded accounts to send from."
                : "Your organization has no account of its own on this network yet; make it on the network page, under Consortium.");
        }
        using var session = new WorkloadSession(rpc.CreateEthereum(new Uri(node.RpcUrl!)), NodeRunner.ReadProfile(network).ChainId, [.. accounts.Select(keys.Unprotect)],
            network.Id, traces, clock);
        return await session.RunAsync(workload.Kind, workload.RatePerSecond, workload.DurationSeconds, ct);
    }

    /// <summary>Sends from a node's wallet: the network's, or the member organization's own node in a consortium.</summary>
    private async Task<WorkloadReport> RunTransfersAsync(ITransferPlatform platform, Network network, Workload workload, CancellationToken ct)
    {
        var profile = NodeRunner.ReadProfile(network);
        var up = network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl is not null).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var sender = up.FirstOrDefault(n => platform.CanSend(profile, n) && n.OrganizationId == workload.OrganizationId)
            ?? throw new InvalidOperationException(workload.OrganizationId is null
                ? "No node that can send (on Litecoin a mining node, on Neo any consensus node) is up."
                : "Your organization runs no node that can send on this network (on Litecoin a mining node, on Neo a consensus seat).");
        var session = new TransferWorkloadSession(platform, profile, sender, up, network.Id, traces, watched, clock);
        return await session.RunAsync(workload.RatePerSecond, workload.DurationSeconds, ct);
    }

    private async Task<string> FinishAsync(string id, string networkId, string status, string error, WorkloadReport? report)
    {
        await using var save = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await save.Workloads.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, status)
            .SetProperty(w => w.Error, error.Length == 0 ? null : error[..Math.Min(error.Length, 2000)])
            .SetProperty(w => w.ReportJson, report == null ? null : JsonSerializer.Serialize(report, JsonSerializerOptions.Web))
            .SetProperty(w => w.FinishedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        await notifier.PublishAsync(new WorkloadFinished(id, networkId));
        return $"Workload {id}: {status}.";
    }
}
