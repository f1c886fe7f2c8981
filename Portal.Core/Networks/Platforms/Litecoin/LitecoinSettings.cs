namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>Litecoin-only profile settings (the node count is the profile's nodeCount; the portal mines every blockIntervalSeconds).</summary>
public sealed record LitecoinSettings
{
    /// <summary>Largest block the mining nodes assemble, in weight units (litecoind -blockmaxweight; 4,000,000 is the consensus limit).</summary>
    public int BlockMaxWeight { get; init; } = 4_000_000;

    /// <summary>Numbers of the nodes that mine (1 is node-1); the portal asks them in turn for each block.</summary>
    public IReadOnlyList<int> MiningNodes { get; init; } = [1];

    /// <summary>
    /// Blocks, the including one counted, after which the portal calls a transaction final (traces' confirmed stage);
    /// six is the usual rule for proof of work. From 1 to <see cref="MaxConfirmations"/>.
    /// </summary>
    public int Confirmations { get; init; } = 6;

    public const int MaxConfirmations = 100;
}
