using System.Collections.Concurrent;

namespace NutPortal.Workers.Networks;

/// <summary>Exponential back-off per node (1 s, 2 s, 4 s … up to a maximum), reset after a minute of health.</summary>
internal sealed class RestartBackoff(TimeSpan maximum)
{
    private static readonly TimeSpan HealthyAfter = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    public TimeSpan ScheduleRestart(string nodeId, DateTimeOffset now)
    {
        var state = _states.GetOrAdd(nodeId, _ => new State());
        var delay = TimeSpan.FromSeconds(Math.Min(maximum.TotalSeconds, Math.Pow(2, state.Failures)));
        state.Failures++;
        state.NextAttempt = now + delay;
        state.UpSince = null;
        return delay;
    }

    public bool IsDue(string nodeId, DateTimeOffset now) =>
        _states.TryGetValue(nodeId, out var state) && state.NextAttempt is { } next && now >= next;

    public void MarkHealthy(string nodeId, DateTimeOffset now)
    {
        if (!_states.TryGetValue(nodeId, out var state))
        {
            return;
        }
        state.NextAttempt = null;
        state.UpSince ??= now;
        if (now - state.UpSince >= HealthyAfter)
        {
            _states.TryRemove(nodeId, out _);
        }
    }

    public void Forget(string nodeId) => _states.TryRemove(nodeId, out _);

    private sealed class State
    {
        public int Failures { get; set; }

        public DateTimeOffset? NextAttempt { get; set; }

        public DateTimeOffset? UpSince { get; set; }
    }
}
