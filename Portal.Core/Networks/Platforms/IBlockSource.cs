namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// A platform whose blocks the metric collector reads through the platform's own RPC (Neo, Litecoin), for TPS,
/// block interval and transactions per block. Ethereum has its own sampler (with gas).
/// </summary>
public interface IBlockSource
{
    /// <summary>Blocks <paramref name="from"/> to <paramref name="to"/> (inclusive) as <paramref name="node"/> has them, in order.</summary>
    Task<IReadOnlyList<BlockStat>> ReadBlocksAsync(NetworkNode node, long from, long to, CancellationToken ct);
}

/// <summary>A block's height, time and the users' transactions in it (a proof-of-work coinbase is not counted).</summary>
public sealed record BlockStat(long Height, DateTime Time, int Transactions);
