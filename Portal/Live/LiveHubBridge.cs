using Microsoft.AspNetCore.SignalR;
using NutPortal.Core.Explorer;
using NutPortal.Core.Alerts;
using NutPortal.Core.Jobs;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Web.Live;

/// <summary>Forwards in-process live events to SignalR clients, each to the group allowed to see it.</summary>
internal sealed class LiveHubBridge(LiveNotifier notifier, IHubContext<LiveHub> hub) : IHostedService
{
    private IDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions =
        [
            notifier.Subscribe<JobRunRecorded>(run => hub.Clients.Group(LiveHub.AdminsGroup).SendAsync("jobRun", run, CancellationToken.None)),
            notifier.Subscribe<NetworkChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("networkChanged", e, CancellationToken.None)),
            notifier.Subscribe<NodeHeightChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("nodeHeight", e, CancellationToken.None)),
            notifier.Subscribe<BlocksIndexed>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("blocksIndexed", e, CancellationToken.None)),
            notifier.Subscribe<MetricsSampled>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("metrics", e, CancellationToken.None)),
            notifier.Subscribe<AlertChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("alertChanged", e, CancellationToken.None)),
        ];
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop may be called more than once (host stop, then dispose); each subscription is disposed once.
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            subscription.Dispose();
        }
        return Task.CompletedTask;
    }
}
