using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Alerts;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Replicas;

/// <summary>Two portals sharing a real redis-server: what one publishes reaches the other's subscribers (pages subscribe the same way).</summary>
public sealed class RedisLiveBusTests : IClassFixture<RedisServer>, IDisposable
{
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;

    public RedisLiveBusTests(RedisServer redis)
    {
        _a = new PortalFactory().WithSetting(LiveServiceCollectionExtensions.RedisSetting, redis.Configuration);
        _b = new PortalFactory().WithSetting(LiveServiceCollectionExtensions.RedisSetting, redis.Configuration);
    }

    [RedisFact]
    public async Task Events_published_on_one_replica_reach_the_other_in_order_and_local_only_subscribers_do_not_get_them_twice()
    {
        var onA = _a.Services.GetRequiredService<LiveNotifier>();
        var onB = _b.Services.GetRequiredService<LiveNotifier>();
        var received = new List<long>();
        var localOnly = 0;
        var all = new TaskCompletionSource();
        using var subscription = onB.Subscribe<AlertChanged>(e =>
        {
            lock (received)
            {
                received.Add(e.AlertId);
                if (received.Count == 50)
                {
                    all.TrySetResult();
                }
            }
            return Task.CompletedTask;
        });
        using var bridgeLike = onB.Subscribe<AlertChanged>(_ =>
        {
            Interlocked.Increment(ref localOnly);
            return Task.CompletedTask;
        }, localOnly: true);
        var network = "net-" + Guid.NewGuid().ToString("N")[..8];

        for (var i = 1; i <= 50; i++)
        {
            await onA.PublishAsync(new AlertChanged(i, 7, network, AlertState.Firing));
        }
        await onA.PublishAsync(new NetworkChanged(network)); // a registered type as well, not asserted: just must not disturb

        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), received);
        Assert.Equal(0, localOnly);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
