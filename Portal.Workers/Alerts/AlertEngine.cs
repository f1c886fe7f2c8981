using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Alerts;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Alerts;

/// <summary>
/// One evaluation of every rule: reads the latest metric values, steps each rule's alert, stores every
/// transition, publishes changes live and hands Firing and Resolved to the webhook dispatcher (unless silenced).
/// </summary>
public sealed class AlertEngine(
    IDbContextFactory<PortalDbContext> dbFactory,
    LatestMetrics latest,
    WebhookDispatcher webhooks,
    LiveNotifier notifier,
    TimeProvider clock,
    IOptions<AlertOptions> options)
{
    public async Task<int> EvaluateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleAfter = TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.AlertRules.AsNoTracking().ToListAsync(ct);
        var open = (await db.Alerts.Where(a => a.State == AlertState.Pending || a.State == AlertState.Firing).ToListAsync(ct))
            .GroupBy(a => a.RuleId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Id).First());
        var changes = new List<(AlertRule Rule, Alert Alert, IReadOnlyList<(AlertState From, AlertState To)> Transitions)>();
        foreach (var rule in rules)
        {
            var reading = AlertEvaluator.Read(rule, latest, now, staleAfter);
            var transitions = AlertEvaluator.Step(rule, open.GetValueOrDefault(rule.Id), reading, now, out var alert);
            if (transitions.Count > 0 && alert is not null)
            {
                if (alert.Id == 0)
                {
                    db.Alerts.Add(alert);
                }
                changes.Add((rule, alert, transitions));
            }
        }
        if (changes.Count == 0)
        {
            return 0;
        }
        await db.SaveChangesAsync(ct); // new alerts get their ids
        db.AlertTransitions.AddRange(changes.SelectMany(c => c.Transitions.Select(t => new AlertTransition
        {
            AlertId = c.Alert.Id, RuleId = c.Rule.Id, From = t.From, To = t.To, At = now, Value = c.Alert.Value,
        })));
        await db.SaveChangesAsync(ct);
        foreach (var (rule, alert, transitions) in changes)
        {
            await notifier.PublishAsync(new AlertChanged(alert.Id, rule.Id, rule.NetworkId, alert.State));
            var silenced = rule.SilencedUntil is { } until && until > now;
            foreach (var (_, to) in transitions.Where(t => t.To is AlertState.Firing or AlertState.Resolved))
            {
                if (!silenced)
                {
                    webhooks.Enqueue(rule, alert, to, now);
                }
            }
        }
        return changes.Count;
    }
}
