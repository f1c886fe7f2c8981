using Microsoft.AspNetCore.SignalR;
using NutPortal.Core.Explorer;
using NutPortal.Core.Alerts;
using NutPortal.Core.Jobs;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Web.Live;

/// <summary>
/// Forwards this replica's live events to SignalR clients, each to the group allowed to see it. Events from other
/// replicas are not forwarded again: with Redis, the hub's backplane already delivers each replica's sends to
/// clients connected anywhere.
/// </summary>
internal sealed class LiveHubBridge(LiveNotifier notifier, IHubContext<LiveHub> hub) : IHostedService
{
    private IDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions =
        [
            notifier.Subscribe<JobRunRecorded>(run => hub.Clients.Group(LiveHub.AdminsGroup).SendAsync("jobRun", run, CancellationToken.None), localOnly: true),
            notifier.Subscribe<NetworkChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("networkChanged", e, CancellationToken.None), localOnly: true),
            notifier.Subscribe<NodeHeightChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("nodeHeight", e, CancellationToken.None), localOnly: true),
            notifier.Subscribe<BlocksIndexed>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("blocksIndexed", e, CancellationToken.None), localOnly: true),
            notifier.Subscribe<MetricsSampled>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId)).SendAsync("metrics", e, CancellationToken.None), localOnly: true),
            notifier.Subscribe<NutPortal.Core.DappStore.DappStatsChanged>(e => hub.Clients.Group(LiveHub.DappGroup(e.DappId)).SendAsync("dappStats", e, CancellationToken.None), localOnly: true),
            // Alerts belong to their rule's organization: on a consortium network only its members hear of them.
            notifier.Subscribe<AlertChanged>(e => hub.Clients.Group(LiveHub.NetworkGroup(e.NetworkId, e.OrganizationId)).SendAsync("alertChanged", e, CancellationToken.None), localOnly: true),
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
