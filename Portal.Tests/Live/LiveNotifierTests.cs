using Microsoft.Extensions.Logging.Abstractions;
using NutPortal.Core.Live;

namespace NutPortal.Tests.Live;

public sealed class LiveNotifierTests
{
    private sealed record Ping(int N);

    private sealed record Other(string S);

    [Fact]
    public async Task Subscribers_receive_events_of_their_type_until_they_dispose()
    {
        var notifier = new LiveNotifier(NullLogger<LiveNotifier>.Instance);
        var received = new List<int>();
        var subscription = notifier.Subscribe<Ping>(p => { received.Add(p.N); return Task.CompletedTask; });

        await notifier.PublishAsync(new Ping(1));
        await notifier.PublishAsync(new Other("ignored"));
        subscription.Dispose();
        await notifier.PublishAsync(new Ping(2));

        Assert.Equal([1], received);
        Assert.Equal(0, notifier.SubscriberCount<Ping>());
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var notifier = new LiveNotifier(NullLogger<LiveNotifier>.Instance);
        var received = 0;
        using var bad = notifier.Subscribe<Ping>(_ => throw new InvalidOperationException("boom"));
        using var good = notifier.Subscribe<Ping>(_ => { received++; return Task.CompletedTask; });

        await notifier.PublishAsync(new Ping(1));

        Assert.Equal(1, received);
    }

    [Fact]
    public void Disposing_twice_removes_only_that_subscription()
    {
        var notifier = new LiveNotifier(NullLogger<LiveNotifier>.Instance);
        var first = notifier.Subscribe<Ping>(_ => Task.CompletedTask);
        using var second = notifier.Subscribe<Ping>(_ => Task.CompletedTask);

        first.Dispose();
        first.Dispose();

        Assert.Equal(1, notifier.SubscriberCount<Ping>());
    }
}
