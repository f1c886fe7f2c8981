namespace NutPortal.Core.Explorer;

/// <summary>A block the indexer stored. Hashes and addresses are lowercase 0x hex; wei amounts are decimal strings.</summary>
public sealed class ChainBlock
{
    public required string NetworkId { get; set; }

    public long Number { get; set; }

    public required string Hash { get; set; }

    public required string ParentHash { get; set; }

    public DateTime Timestamp { get; set; }

    public string? Miner { get; set; }

    public long GasUsed { get; set; }

    public long GasLimit { get; set; }

    /// <summary>Wei as a decimal string; null before London.</summary>
    public string? BaseFeePerGas { get; set; }

    public int TransactionCount { get; set; }

    public DateTime IndexedAt { get; set; }
}

/// <summary>A transaction with the parts of its receipt the explorer shows.</summary>
public sealed class ChainTransaction
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public required string Hash { get; set; }

    public long BlockNumber { get; set; }

    public int TransactionIndex { get; set; }

    public required string From { get; set; }

    /// <summary>Null for a contract creation (see <see cref="ContractAddress"/>).</summary>
    public string? To { get; set; }

    public string? ContractAddress { get; set; }

    /// <summary>Wei as a decimal string.</summary>
    public required string Value { get; set; }

    public long Nonce { get; set; }

    public long Gas { get; set; }

    public long GasUsed { get; set; }

    /// <summary>Effective gas price in wei (decimal string).</summary>
    public string? GasPrice { get; set; }

    /// <summary>1 success, 0 failure, null when the receipt had no status.</summary>
    public int? Status { get; set; }

    public int Type { get; set; }

    public required string Input { get; set; }

    public int LogCount { get; set; }
}

/// <summary>An event log of an indexed transaction. Topics are comma-separated hex.</summary>
public sealed class ChainLog
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public required string TransactionHash { get; set; }

    public long BlockNumber { get; set; }

    public int LogIndex { get; set; }

    public required string Address { get; set; }

    public required string Topics { get; set; }

    public required string Data { get; set; }

    /// <summary>For a Transfer(address,address,...) event (ERC-20 and ERC-721): the sender, so wallets find a holder's
    /// tokens through an index instead of scanning every log's topics; null for other events.</summary>
    public string? TransferFrom { get; set; }

    /// <summary>For a Transfer event: the recipient (see <see cref="TransferFrom"/>).</summary>
    public string? TransferTo { get; set; }
}
