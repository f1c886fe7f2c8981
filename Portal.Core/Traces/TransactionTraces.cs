using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Traces;

/// <summary>
/// Builds a transaction's trace: the portal's recorded stages (when it sent the transaction), the stages the
/// chain shows (inclusion, confirmation) from indexed blocks, and the call tree from debug_traceTransaction.
/// </summary>
public sealed class TransactionTraces(
    ExplorerQueries queries, TraceRecorder recorder, NetworkCatalog networks, IJsonRpcClientFactory rpcFactory,
    CallTreeDecoder decoder, IOptions<ExplorerOptions> options)
{
    public async Task<TransactionTrace?> GetAsync(string networkId, string hash, bool includeCallTree = true, CancellationToken ct = default)
    {
        var detail = await queries.TransactionAsync(networkId, hash, ct);
        if (detail is null)
        {
            return await FromSpansAsync(networkId, hash, ct);
        }
        var tx = detail.Transaction;
        var stages = await StagesAsync(networkId, tx, detail.BlockTimestamp, ct);
        var slowest = StageBuilder.Slowest(stages);
        CallFrameView? tree = null;
        string? error = null;
        if (includeCallTree)
        {
            (tree, error) = await CallTreeAsync(networkId, tx.Hash, ct);
        }
        return new TransactionTrace(networkId, tx.Hash, tx.BlockNumber, tx.Status is { } s ? s == 1 : null, stages, slowest, tree, error);
    }

    /// <summary>A transaction the explorer does not index, traced from what the portal recorded when it sent it.</summary>
    private async Task<TransactionTrace?> FromSpansAsync(string networkId, string hash, CancellationToken ct)
    {
        var recorded = await recorder.SpansAsync(networkId, hash, ct);
        if (recorded.Count == 0)
        {
            return null;
        }
        var stages = StageBuilder.FromSpans(recorded);
        var block = recorded.Select(s => s.BlockNumber).FirstOrDefault(b => b is not null) ?? -1;
        return new TransactionTrace(networkId, recorded[0].TransactionHash, block, null, stages, StageBuilder.Slowest(stages), null,
            "Call trees are read on Ethereum networks only.") { SlowestNode = StageBuilder.SlowestNode(stages) };
    }

    private async Task<List<StageSpan>> StagesAsync(string networkId, ChainTransaction tx, DateTime blockTime, CancellationToken ct)
    {
        var recorded = await recorder.SpansAsync(networkId, tx.Hash, ct);
        var parent = tx.BlockNumber > 0 ? await queries.BlockAsync(networkId, tx.BlockNumber - 1, ct) : null;
        var depth = options.Value.ConfirmationDepth;
        var confirming = await queries.BlockAsync(networkId, tx.BlockNumber + depth, ct);
        var indexed = await queries.IndexedHeightAsync(networkId, ct) ?? tx.BlockNumber;
        return StageBuilder.Build(tx, new StageBlocks(blockTime, parent?.Timestamp, confirming, indexed, depth), recorded);
    }

    private async Task<(CallFrameView? Tree, string? Error)> CallTreeAsync(string networkId, string hash, CancellationToken ct)
    {
        var network = await networks.GetAsync(networkId, ct);
        var url = network?.Nodes.FirstOrDefault(n => n.Status == NodeStatus.Up && n.RpcUrl is not null)?.RpcUrl;
        if (url is null)
        {
            return (null, "No node of the network is up to trace the transaction.");
        }
        try
        {
            var frame = await rpcFactory.CreateEthereum(new Uri(url)).TraceTransactionAsync(hash, ct: ct);
            return (await decoder.DecodeAsync(networkId, frame, ct), null);
        }
        catch (JsonRpcClientException ex)
        {
            return (null, $"The node could not trace the transaction: {ex.Message}");
        }
    }
}
