using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>Records each deployment step's start, end, outcome and hint, and tells live readers after each change.</summary>
internal sealed class StepRecorder(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock, string networkId)
{
    public async Task RunAsync(string name, Func<Task<string>> step)
    {
        await UpdateAsync(name, s =>
        {
            s.Status = StepStatus.Running;
            s.StartedAt = clock.GetUtcNow().UtcDateTime;
        });
        try
        {
            var message = await step();
            await UpdateAsync(name, s =>
            {
                s.Status = StepStatus.Succeeded;
                s.FinishedAt = clock.GetUtcNow().UtcDateTime;
                s.Message = message;
            });
        }
        catch (Exception ex)
        {
            await UpdateAsync(name, s =>
            {
                s.Status = StepStatus.Failed;
                s.FinishedAt = clock.GetUtcNow().UtcDateTime;
                s.Message = Truncate(ex is OperationCanceledException ? "Cancelled: the portal is shutting down." : ex.Message);
                s.Hint = Truncate(ex is NodeStartException start ? start.Hint : "Delete the network and create it again; if it fails the same way, check the portal's log.");
            });
            throw;
        }
    }

    /// <summary>Runs the step unless an earlier run of this deployment finished it (a resumed deployment keeps its work).</summary>
    public async Task RunOnceAsync(string name, Func<Task<string>> step)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (await db.DeploymentSteps.AnyAsync(s => s.NetworkId == networkId && s.Name == name && s.Status == StepStatus.Succeeded))
            {
                return;
            }
        }
        await RunAsync(name, step);
    }

    /// <summary>Whether an earlier run of this deployment got as far as starting a step.</summary>
    public async Task<bool> StartedBeforeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeploymentSteps.AnyAsync(s => s.NetworkId == networkId && s.Status != StepStatus.Pending, ct);
    }

    public async Task SkipRemainingAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var step in await db.DeploymentSteps.Where(s => s.NetworkId == networkId && s.Status == StepStatus.Pending).ToListAsync())
        {
            step.Status = StepStatus.Skipped;
        }
        await db.SaveChangesAsync();
        await notifier.PublishAsync(new NetworkChanged(networkId));
    }

    private async Task UpdateAsync(string name, Action<DeploymentStep> change)
    {
        // Step records are written even when the deployment is being cancelled, so the page tells the truth.
        await using var db = await dbFactory.CreateDbContextAsync();
        var step = await db.DeploymentSteps.SingleAsync(s => s.NetworkId == networkId && s.Name == name);
        change(step);
        await db.SaveChangesAsync();
        await notifier.PublishAsync(new NetworkChanged(networkId));
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
