namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>Neo-only profile settings (the consensus node count is the profile's nodeCount; the block time its blockIntervalSeconds).</summary>
public sealed record NeoSettings
{
    /// <summary>neo-express 3.5.20 builds its protocol settings itself and keeps Neo's default; only that value is accepted.</summary>
    public const int EngineMaxTransactionsPerBlock = 512;

    public int MaxTransactionsPerBlock { get; init; } = EngineMaxTransactionsPerBlock;
}
