using System.Diagnostics;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// A transfer workload on a platform whose nodes send for themselves (<see cref="ITransferPlatform"/>): the sending
/// node's wallet signs and submits at a fixed rate while <see cref="NodeWatch"/> times every transaction on every
/// node. The report adds, per node, how long transactions took to reach its pool (propagation) and to be imported
/// in a block (import, counted from the block's first sighting); each transaction's trace gets a span per node.
/// </summary>
internal sealed class TransferWorkloadSession(
    ITransferPlatform platform, NetworkProfile profile, NetworkNode sender, IReadOnlyList<NetworkNode> nodes, string networkId,
    TraceRecorder traces, WorkloadTransactions watched, TimeProvider time)
{
    private static readonly TimeSpan InclusionTimeout = TimeSpan.FromSeconds(30);

    public async Task<WorkloadReport> RunAsync(int rate, int duration, CancellationToken ct)
    {
        var total = rate * duration;
        var prepared = await platform.PrepareTransfersAsync(profile, sender, nodes, total, ct);
        var watch = new NodeWatch(platform, nodes, time, await ProducersAsync(ct));
        var depth = platform.FinalityDepth(profile);
        var sent = new List<SentTransfer>();
        var sending = true;
        var giveUp = DateTime.MaxValue;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watcher = watch.RunAsync(() => !sending && (sent.All(s => watch.ImportedEverywhere(s.Id) && NodeSpans.Final(watch, s.Id, depth) is not null)
            || time.GetUtcNow().UtcDateTime > giveUp), stop.Token);
        var failed = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }
            var started = time.GetUtcNow().UtcDateTime;
            try
            {
                var id = await platform.SendTransferAsync(sender, ct);
                var accepted = time.GetUtcNow().UtcDateTime;
                watch.Watch(id, sender.Name, accepted);
                watched.Add(networkId, id); // traced here at the finer interval: the TraceWatcher leaves it alone
                lock (sent)
                {
                    sent.Add(new SentTransfer(id, started, accepted));
                }
            }
            catch (NodeRpcException)
            {
                failed++;
            }
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        giveUp = time.GetUtcNow().UtcDateTime + InclusionTimeout + TimeSpan.FromSeconds(depth * Math.Max(1, profile.BlockIntervalSeconds) * 2);
        sending = false;
        await watcher;
        await traces.ReplaceSpansAsync(networkId, [.. sent.SelectMany(s => Spans(watch, s))], ct);
        return Report(watch, sent, failed, sendSeconds, prepared);
    }

    /// <summary>Which node makes blocks signed or paid with which key, for naming a block's producer.</summary>
    private async Task<Dictionary<string, string>> ProducersAsync(CancellationToken ct)
    {
        var producers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (await platform.ProducerKeyAsync(profile, node, ct) is { } key)
            {
                producers[key] = node.Name;
            }
        }
        return producers;
    }

    private WorkloadReport Report(NodeWatch watch, List<SentTransfer> sent, int failed, double sendSeconds, string prepared)
    {
        var included = sent.Where(s => watch.BlockOf(s.Id) is not null).ToList();
        var latencies = included.Select(s => (watch.BlockOf(s.Id)!.At - s.Accepted).TotalMilliseconds).ToList();
        var last = included.Count == 0 ? default : included.Max(s => watch.BlockOf(s.Id)!.At);
        var span = included.Count == 0 ? 0 : Math.Max((last - sent[0].Started).TotalSeconds, sendSeconds);
        var perNode = nodes.Select(n => NodeReport(watch, sent, n)).ToList();
        var slowest = perNode.Where(n => n.ReadyMs is not null).MaxBy(n => n.ReadyMs!.P95)?.Node;
        var slowestTransaction = included.MaxBy(s => nodes.Max(n => watch.Sighting(s.Id, n.Name).Imported ?? DateTime.MaxValue) - s.Accepted)?.Id;
        return new WorkloadReport(sent.Count, included.Count, failed + sent.Count - included.Count,
            included.Count == 0 ? 0 : Math.Round(included.Count / span, 2), LatencySummary.From(latencies), null)
        {
            Nodes = perNode, SlowestNode = slowest, SlowestTransaction = slowestTransaction, Preparation = prepared, Sender = sender.Name, WatchErrors = watch.Errors,
        };
    }

    private static NodeTimes NodeReport(NodeWatch watch, List<SentTransfer> sent, NetworkNode node)
    {
        var sightings = sent.Select(s => (s, seen: watch.Sighting(s.Id, node.Name), block: watch.BlockOf(s.Id))).ToList();
        var pool = sightings.Where(x => x.seen.InPool is not null).Select(x => (x.seen.InPool!.Value - x.s.Accepted).TotalMilliseconds).ToList();
        var import = sightings.Where(x => x.seen.Imported is not null && x.block is not null).Select(x => (x.seen.Imported!.Value - x.block!.At).TotalMilliseconds).ToList();
        var ready = sightings.Where(x => x.seen.Imported is not null).Select(x => (x.seen.Imported!.Value - x.s.Accepted).TotalMilliseconds).ToList();
        var blockFirst = sightings.Count(x => x.seen.InPool is null && x.seen.Imported is not null);
        return new NodeTimes(node.Name, LatencySummary.From(pool), LatencySummary.From(import), LatencySummary.From(ready), blockFirst);
    }

    private IEnumerable<TraceSpan> Spans(NodeWatch watch, SentTransfer s) =>
        NodeSpans.Build(watch, nodes, networkId, s.Id, new TraceOrigin(sender.Name, s.Accepted), platform.FinalityDepth(profile)).Prepend(new TraceSpan
        {
            NetworkId = networkId, TransactionHash = s.Id, Stage = TraceStages.Submitted, StartedAt = s.Started, EndedAt = s.Accepted, Node = sender.Name,
            Detail = $"{sender.Name}'s wallet built, signed and accepted it",
        });

    private sealed record SentTransfer(string Id, DateTime Started, DateTime Accepted);
}
