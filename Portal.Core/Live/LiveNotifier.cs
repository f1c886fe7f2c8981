using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace NutPortal.Core.Live;

/// <summary>
/// In-process publish/subscribe for live updates. Producers (jobs, collectors) publish events; components and
/// the SignalR bridge subscribe and dispose their subscription on teardown. One failing subscriber never stops
/// the others from receiving an event.
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private ImmutableDictionary<Type, ImmutableArray<Subscription>> _subscriptions =
        ImmutableDictionary<Type, ImmutableArray<Subscription>>.Empty;

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
    {
        var subscription = new Subscription(this, typeof(TEvent), e => handler((TEvent)e));
        ImmutableInterlocked.AddOrUpdate(ref _subscriptions, typeof(TEvent), [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    public int SubscriberCount<TEvent>() =>
        _subscriptions.TryGetValue(typeof(TEvent), out var list) ? list.Length : 0;

    public async Task PublishAsync<TEvent>(TEvent liveEvent)
        where TEvent : notnull
    {
        if (!_subscriptions.TryGetValue(typeof(TEvent), out var list))
        {
            return;
        }
        foreach (var subscription in list)
        {
            try
            {
                await subscription.Handler(liveEvent);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A subscriber to {Event} failed", typeof(TEvent).Name);
            }
        }
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, map =>
            map.TryGetValue(subscription.EventType, out var list) ? map.SetItem(subscription.EventType, list.Remove(subscription)) : map);

    private sealed class Subscription(LiveNotifier owner, Type eventType, Func<object, Task> handler) : IDisposable
    {
        private int _disposed;

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
