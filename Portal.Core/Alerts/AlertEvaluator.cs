using NutPortal.Core.Monitoring;

namespace NutPortal.Core.Alerts;

/// <summary>What a rule's metric says now: whether the condition holds, the value, and which node it concerns.</summary>
public readonly record struct RuleReading(bool Holds, double? Value, string? NodeId);

/// <summary>
/// Pure evaluation of rules against the latest metric values and the state machine Normal → Pending → Firing →
/// Resolved (a Pending alert whose condition clears goes back to Normal). No I/O: the job applies the result.
/// </summary>
public static class AlertEvaluator
{
    public static RuleReading Read(AlertRule rule, LatestMetrics latest, DateTime now, TimeSpan staleAfter)
    {
        var candidates = rule.NodeId is not null || Metrics.Find(rule.Metric)?.Scope != MetricScope.Node
            ? latest.Get(rule.NetworkId, rule.NodeId, rule.Metric) is { } one ? [one] : []
            : latest.ForNetwork(rule.NetworkId, rule.Metric);
        RuleReading? first = null;
        foreach (var point in candidates)
        {
            var age = now - point.Time;
            // "Seconds since the last block" keeps growing while nobody samples the chain (the node is gone).
            var value = rule.Metric == Metrics.SecondsSinceLastBlock ? point.Value + Math.Max(0, age.TotalSeconds) : point.Value;
            if (rule.Metric != Metrics.SecondsSinceLastBlock && age > staleAfter)
            {
                continue;
            }
            var reading = new RuleReading(Comparators.Holds(rule.Comparator, value, rule.Threshold), value, point.NodeId);
            if (reading.Holds)
            {
                return reading;
            }
            first ??= reading;
        }
        return first ?? new RuleReading(false, null, rule.NodeId);
    }

    /// <summary>
    /// Moves <paramref name="open"/> (the rule's Pending or Firing alert, or null) by one evaluation and returns the
    /// transitions made, in order; a new alert is returned through <paramref name="alert"/>.
    /// </summary>
    public static IReadOnlyList<(AlertState From, AlertState To)> Step(AlertRule rule, Alert? open, RuleReading reading, DateTime now, out Alert? alert)
    {
        alert = open;
        var transitions = new List<(AlertState, AlertState)>();
        if (reading.Value is null)
        {
            // No data (portal just started, node not sampled): keep the state rather than resolve on silence.
            return transitions;
        }
        if (reading.Holds && alert is null)
        {
            alert = new Alert { RuleId = rule.Id, NetworkId = rule.NetworkId, NodeId = reading.NodeId, State = AlertState.Pending, StartedAt = now };
            transitions.Add((AlertState.Normal, AlertState.Pending));
        }
        if (alert is null)
        {
            return transitions;
        }
        if (reading.Value is { } value)
        {
            alert.Value = value;
        }
        if (reading.Holds && alert.State == AlertState.Pending && (now - alert.StartedAt).TotalSeconds >= rule.ForSeconds)
        {
            alert.State = AlertState.Firing;
            alert.FiringAt = now;
            transitions.Add((AlertState.Pending, AlertState.Firing));
        }
        else if (!reading.Holds && alert.State is AlertState.Pending or AlertState.Firing)
        {
            var to = alert.State == AlertState.Pending ? AlertState.Normal : AlertState.Resolved;
            transitions.Add((alert.State, to));
            alert.State = to;
            alert.EndedAt = now;
        }
        return transitions;
    }
}
