using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Alerts;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Alerts;

/// <summary>
/// One evaluation of every rule: reads the latest metric values, steps each rule's alert, stores every
/// transition, publishes changes live and queues a delivery job per webhook for Firing and Resolved (unless silenced).
/// </summary>
public sealed class AlertEngine(
    IDbContextFactory<PortalDbContext> dbFactory,
    LatestMetrics latest,
    WebhookQueue webhooks,
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
        var stored = changes.Select(c => (c.Rule, c.Alert, Transitions: c.Transitions.Select(t => new AlertTransition
        {
            AlertId = c.Alert.Id, RuleId = c.Rule.Id, From = t.From, To = t.To, At = now, Value = c.Alert.Value,
        }).ToList())).ToList();
        db.AlertTransitions.AddRange(stored.SelectMany(c => c.Transitions));
        await db.SaveChangesAsync(ct); // the transitions get the ids their delivery jobs carry
        foreach (var (rule, alert, transitions) in stored)
        {
            await notifier.PublishAsync(new AlertChanged(alert.Id, rule.Id, rule.NetworkId, alert.State, rule.OrganizationId));
            var silenced = rule.SilencedUntil is { } until && until > now;
            foreach (var transition in transitions.Where(t => !silenced && t.To is AlertState.Firing or AlertState.Resolved))
            {
                webhooks.Enqueue(rule, transition);
            }
        }
        return changes.Count;
    }
}
