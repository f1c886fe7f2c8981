namespace NutPortal.Core.Networks.Platforms.Transfers;

/// <summary>
/// A platform whose networks run transfer workloads through the nodes themselves (a node's wallet signs), and
/// whose nodes can be watched one by one: what each holds in its mempool and which block is its head. The
/// workload uses it to time each transaction on every node: when it reached the node's pool, when the node
/// imported the block that includes it. Ethereum (one anvil node) has its own workload path.
/// </summary>
public interface ITransferPlatform
{
    /// <summary>
    /// Gets the sending node ready for about <paramref name="transfers"/> transfers: a wallet with enough confirmed
    /// coins (on a development chain the platform may mine what it needs). Returns what it did, for the report.
    /// </summary>
    Task<string> PrepareTransfersAsync(NetworkProfile profile, NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct);

    /// <summary>Sends one small transfer from <paramref name="sender"/>'s wallet; returns the transaction id.</summary>
    Task<string> SendTransferAsync(NetworkNode sender, CancellationToken ct);

    /// <summary>The node's pool (transaction ids) and head, read together.</summary>
    Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct);

    /// <summary>One block as <paramref name="node"/> has it.</summary>
    Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct);

    /// <summary>Whether <paramref name="node"/> can send (has a wallet the portal funds).</summary>
    bool CanSend(NetworkProfile profile, NetworkNode node);

    /// <summary>
    /// What <see cref="BlockView.Producer"/> says of blocks <paramref name="node"/> makes (a miner's address, a consensus
    /// node's public key); null when it makes none.
    /// </summary>
    Task<string?> ProducerKeyAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct);

    /// <summary>Blocks (the including one counted) after which a transaction is final: 1 where consensus is final at once (dBFT).</summary>
    int FinalityDepth(NetworkProfile profile);
}

/// <summary>A node's pool and head at one moment.</summary>
public sealed record NodeView(IReadOnlySet<string> Mempool, long Height, string Head);

/// <summary>
/// A block: its transactions in order, its parent, and who made it (matched against <see cref="ITransferPlatform.ProducerKeyAsync"/>);
/// <see cref="Coinbase"/> is the block reward's transaction where the chain has one (Litecoin), which no one sent.
/// </summary>
public sealed record BlockView(string Hash, string Parent, long Height, IReadOnlyList<string> Transactions, string? Producer = null, string? Coinbase = null);
