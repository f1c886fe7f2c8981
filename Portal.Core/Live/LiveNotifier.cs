using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace NutPortal.Core.Live;

/// <summary>
/// In-process publish/subscribe for live updates. Producers (jobs, collectors) publish events; components and
/// the SignalR bridge subscribe and dispose their subscription on teardown. One failing subscriber never stops
/// the others from receiving an event. With Redis configured, a <see cref="RedisLiveBus"/> carries the event types
/// registered with <see cref="LiveEventRegistration"/> to every other replica, whose subscribers receive them too
/// (except subscriptions made with <c>localOnly</c>, such as the SignalR bridge, whose backplane crosses replicas itself).
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private ILiveBus? _bus;

    private ImmutableDictionary<Type, ImmutableArray<Subscription>> _subscriptions =
        ImmutableDictionary<Type, ImmutableArray<Subscription>>.Empty;

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler, bool localOnly = false)
    {
        var subscription = new Subscription(this, typeof(TEvent), e => handler((TEvent)e), localOnly);
        ImmutableInterlocked.AddOrUpdate(ref _subscriptions, typeof(TEvent), [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    public int SubscriberCount<TEvent>() =>
        _subscriptions.TryGetValue(typeof(TEvent), out var list) ? list.Length : 0;

    public async Task PublishAsync<TEvent>(TEvent liveEvent)
        where TEvent : notnull
    {
        await DeliverAsync(typeof(TEvent), liveEvent, remote: false);
        _bus?.Forward(typeof(TEvent), liveEvent);
    }

    /// <summary>Connects the bus that forwards published events to other replicas (one per process).</summary>
    internal void Attach(ILiveBus bus) => _bus = bus;

    /// <summary>An event published on another replica, handed to this replica's subscribers.</summary>
    internal Task DeliverRemoteAsync(Type eventType, object liveEvent) => DeliverAsync(eventType, liveEvent, remote: true);

    private async Task DeliverAsync(Type eventType, object liveEvent, bool remote)
    {
        if (!_subscriptions.TryGetValue(eventType, out var list))
        {
            return;
        }
        foreach (var subscription in list)
        {
            if (remote && subscription.LocalOnly)
            {
                continue;
            }
            try
            {
                await subscription.Handler(liveEvent);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A subscriber to {Event} failed", eventType.Name);
            }
        }
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, map =>
            map.TryGetValue(subscription.EventType, out var list) ? map.SetItem(subscription.EventType, list.Remove(subscription)) : map);

    private sealed class Subscription(LiveNotifier owner, Type eventType, Func<object, Task> handler, bool localOnly) : IDisposable
    {
        private int _disposed;

        public bool LocalOnly { get; } = localOnly;

        public Type EventType { get; } = eventType;

        public Func<object, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
