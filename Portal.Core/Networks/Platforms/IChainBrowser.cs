namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// A platform whose chain the portal browses through the platform's own RPC, on demand and without an index (Neo,
/// Litecoin): recent blocks, one block with its transactions, one transaction the way the chain models it (a UTXO
/// chain's inputs and outputs, an account chain's sender, fees and token transfers) and an address's holdings.
/// Unknown blocks, transactions or addresses throw <see cref="ChainReadException"/> with
/// <see cref="ChainReadFailure.NotFound"/>; malformed input throws it with <see cref="ChainReadFailure.InvalidInput"/>.
/// </summary>
public interface IChainBrowser
{
    /// <summary>Up to <paramref name="count"/> blocks, newest first, from <paramref name="fromHeight"/> (or the head) down.</summary>
    Task<BrowsedBlocks> BrowseBlocksAsync(NetworkNode node, long? fromHeight, int count, CancellationToken ct);

    /// <summary>One block by height (decimal digits) or hash, with its transactions.</summary>
    Task<BrowsedBlock> BrowseBlockAsync(NetworkNode node, string heightOrHash, CancellationToken ct);

    /// <summary>One transaction by its id (hash).</summary>
    Task<BrowsedTransaction> BrowseTransactionAsync(NetworkNode node, string id, CancellationToken ct);

    /// <summary>What an address holds and, where the node can tell, its recent transfers.</summary>
    Task<BrowsedAddress> BrowseAddressAsync(NetworkNode node, string address, CancellationToken ct);
}
