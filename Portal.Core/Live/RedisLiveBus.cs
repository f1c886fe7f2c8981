using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NutPortal.Core.Live;

/// <summary>
/// The live events of several replicas on one Redis channel: each replica publishes the registered event types it
/// raises and hands the others' to its own subscribers. Delivery is Redis pub/sub (at most once, in order per
/// publisher); a replica that was disconnected misses what was sent meanwhile, as a browser reconnecting would.
/// </summary>
internal sealed class RedisLiveBus(
    IConnectionMultiplexer redis,
    LiveNotifier notifier,
    IEnumerable<LiveEventRegistration> registrations,
    ILogger<RedisLiveBus> logger) : IHostedService, ILiveBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nutportal:live");

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly FrozenDictionary<string, Type> _types = registrations.Select(r => r.EventType).Distinct().ToFrozenDictionary(t => t.FullName!, t => t);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A message queue, not a callback: events are handed on one at a time, in the order they arrived.
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message => ReceiveAsync(message.Message));
        notifier.Attach(this);
    }

    public void Forward(Type eventType, object liveEvent)
    {
        if (!_types.ContainsKey(eventType.FullName!))
        {
            return;
        }
        var envelope = JsonSerializer.Serialize(new Envelope(_origin, eventType.FullName!, JsonSerializer.SerializeToElement(liveEvent, eventType)));
        redis.GetSubscriber().Publish(Channel, envelope, CommandFlags.FireAndForget);
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
            if (envelope is null || envelope.Origin == _origin || !_types.TryGetValue(envelope.Type, out var type))
            {
                return;
            }
            if (envelope.Event.Deserialize(type) is { } liveEvent)
            {
                await notifier.DeliverRemoteAsync(type, liveEvent);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not deliver a live event from another replica");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);

    private sealed record Envelope(string Origin, string Type, JsonElement Event);
}
