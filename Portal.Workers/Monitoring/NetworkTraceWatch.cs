using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// The <see cref="TraceWatcher"/>'s watch of one network: a <see cref="NodeWatch"/> over everything its Up nodes show,
/// and the decision when a transaction's trace is complete. A transaction is written once it is in a block that every
/// Up node imported and that is final, or <see cref="Timeout"/> after its block was first seen (with what is known);
/// one never included is dropped after <see cref="PoolTimeout"/> without a trace. Written or dropped transactions are
/// forgotten, and so are blocks no watched transaction needs any more.
/// </summary>
internal sealed class NetworkTraceWatch
{
    /// <summary>Most transactions one network's watch holds; more are not traced (counted in <see cref="Dropped"/>).</summary>
    public const int MaxTransactions = 5_000;

    public static readonly TimeSpan PoolTimeout = TimeSpan.FromMinutes(10);

    private readonly ITransferPlatform _platform;
    private readonly NetworkProfile _profile;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _producers = new(StringComparer.Ordinal);
    private readonly NodeWatch _watch;
    private string _nodeSet = "";
    private int _reportedDropped;

    public NetworkTraceWatch(ITransferPlatform platform, NetworkProfile profile, TimeProvider time)
    {
        (_platform, _profile, _time) = (platform, profile, time);
        _watch = new NodeWatch(platform, [], time, _producers, everything: true, MaxTransactions);
        // Finality waits for depth − 1 more blocks; a block interval of 0 (Neo's "as fast as it can") counts as 1 s.
        Timeout = TimeSpan.FromSeconds(30 + platform.FinalityDepth(profile) * Math.Max(1, profile.BlockIntervalSeconds) * 2);
    }

    public TimeSpan Timeout { get; }

    public int Errors => _watch.Errors;

    public int Dropped => _watch.Dropped;

    /// <summary>Sightings dropped for the cap since the last call (for the log).</summary>
    public int NewlyDropped()
    {
        var dropped = Dropped;
        var since = dropped - _reportedDropped;
        _reportedDropped = dropped;
        return since;
    }

    /// <summary>How many transactions are watched now.</summary>
    public int Watching => _watch.Watched.Count;

    /// <summary>The nodes whose pool the watch saw <paramref name="tx"/> in (while it is watched).</summary>
    public IReadOnlyList<string> PoolsHolding(string tx) => _watch.PoolsHolding(tx);

    /// <summary>
    /// Reads <paramref name="up"/> once and returns the spans of the transactions whose traces are complete (each
    /// transaction once; <paramref name="skip"/> names those traced elsewhere, which are forgotten unwritten).
    /// </summary>
    public async Task<IReadOnlyList<TraceSpan>> RoundAsync(string networkId, IReadOnlyList<NetworkNode> all, IReadOnlyList<NetworkNode> up,
        Func<string, bool> skip, CancellationToken ct)
    {
        await KnowProducersAsync(up, ct);
        await _watch.RoundAsync(up, ct);
        var now = _time.GetUtcNow().UtcDateTime;
        var depth = _platform.FinalityDepth(_profile);
        var spans = new List<TraceSpan>();
        foreach (var (tx, seen) in _watch.Watched.ToList())
        {
            var block = _watch.BlockOf(tx);
            var included = block is not null;
            var complete = included && _watch.ImportedOn(tx, up) && NodeSpans.Final(_watch, tx, depth) is not null;
            if (skip(tx))
            {
                _watch.Forget(tx, now);
            }
            // The timeout counts from the block's first sighting: a transaction that waited long in the pools (a halted
            // chain) still gets every node's import and its finality.
            else if (complete || (included && now - block!.At > Timeout))
            {
                spans.AddRange(NodeSpans.Build(_watch, all, networkId, tx, Origin(tx, all), depth));
                _watch.Forget(tx, now);
            }
            else if (!included && now - seen > PoolTimeout)
            {
                _watch.Forget(tx, now);
            }
        }
        ForgetOldBlocks(depth);
        _watch.ExpireFinished(now - PoolTimeout);
        return spans;
    }

    /// <summary>The node that had the transaction in its pool first (where it entered the network, as far as the portal saw).</summary>
    private TraceOrigin? Origin(string tx, IReadOnlyList<NetworkNode> all) =>
        all.Select(n => (n.Name, At: _watch.Sighting(tx, n.Name).InPool)).Where(s => s.At is not null)
            .OrderBy(s => s.At).Select(s => new TraceOrigin(s.Name, s.At!.Value)).FirstOrDefault();

    /// <summary>Keeps the blocks a watched transaction's finality may still need; a deeper block is history.</summary>
    private void ForgetOldBlocks(int depth)
    {
        var needed = _watch.Watched.Keys.Select(tx => _watch.BlockOf(tx)?.Height).Min();
        var highest = _watch.HighestBlock;
        if (highest is { } top)
        {
            _watch.ForgetBlocksBelow(Math.Min(needed ?? long.MaxValue, top - depth));
        }
    }

    /// <summary>Which node makes blocks with which key, asked again whenever the set of Up nodes changes.</summary>
    private async Task KnowProducersAsync(IReadOnlyList<NetworkNode> up, CancellationToken ct)
    {
        var set = string.Join(',', up.Select(n => n.Name));
        if (set == _nodeSet)
        {
            return;
        }
        foreach (var node in up)
        {
            try
            {
                if (await _platform.ProducerKeyAsync(_profile, node, ct) is { } key)
                {
                    _producers[key] = node.Name;
                }
            }
            catch (NodeRpcException)
            {
                return; // asked again next round
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Its keys are not readable here (a node in Kubernetes, a key file or wallet list it cannot parse): its
                // blocks are traced without naming their maker, rather than the network's traces stopping.
            }
        }
        _nodeSet = set;
    }
}
