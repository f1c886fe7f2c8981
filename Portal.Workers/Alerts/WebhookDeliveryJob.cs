using Hangfire;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Alerts;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Alerts;

/// <summary>
/// Sends one alert transition (Firing or Resolved) to one webhook of its rule (Hangfire job; arguments: the stored
/// transition's id and the webhook's position among the rule's webhooks). Stored, so a delivery survives a portal
/// that stops before sending it; its attempts and last error show in the jobs dashboard.
/// </summary>
public sealed class WebhookDeliveryJob(IDbContextFactory<PortalDbContext> dbFactory, WebhookSender sender)
{
    [AutomaticRetry(Attempts = 0)] // the sender's own attempts, with doubling waits from AlertOptions
    public async Task<string> RunAsync(long transitionId, int webhook, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transition = await db.AlertTransitions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transitionId, ct);
        var alert = transition is null ? null : await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == transition.AlertId, ct);
        var rule = alert is null ? null : await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == alert.RuleId, ct);
        if (transition is null || alert is null || rule is null)
        {
            return "The alert or its rule was deleted; nothing to send.";
        }
        var urls = AlertRuleService.Channels(rule).Where(c => c.Type == "webhook").Select(c => c.Url).ToList();
        if (webhook >= urls.Count)
        {
            return "The rule no longer has this webhook; nothing to send.";
        }
        var payload = new WebhookPayload(alert.Id, rule.Id, rule.Name, rule.NetworkId, alert.NodeId, rule.Metric, rule.Comparator, rule.Threshold,
            transition.Value, rule.Severity.ToString().ToLowerInvariant(), transition.To.ToString().ToLowerInvariant(), alert.StartedAt, transition.At);
        return await sender.DeliverAsync(urls[webhook], payload, ct);
    }
}

/// <summary>Queues one delivery job per webhook of the transition's rule.</summary>
public sealed class WebhookQueue(IBackgroundJobClient jobs)
{
    public void Enqueue(AlertRule rule, AlertTransition transition)
    {
        var webhooks = AlertRuleService.Channels(rule).Count(c => c.Type == "webhook");
        for (var i = 0; i < webhooks; i++)
        {
            var index = i;
            jobs.Enqueue<WebhookDeliveryJob>(JobQueues.Default, j => j.RunAsync(transition.Id, index, CancellationToken.None));
        }
    }
}
