namespace NutPortal.Core.Networks.Platforms;

/// <summary>A page of blocks, newest first, and the chain's head height when read.</summary>
public sealed record BrowsedBlocks(long Head, IReadOnlyList<BlockSummary> Blocks);

/// <summary>A block as a list shows it.</summary>
public sealed record BlockSummary(long Height, string Hash, DateTime Time, int Transactions, long Size);

/// <summary>A block with its parent, the node that produced it (where the chain says) and its transactions.</summary>
public sealed record BrowsedBlock(BlockSummary Block, string? Parent, string? Next, long Confirmations, string? Producer, IReadOnlyList<TransactionSummary> Transactions);

/// <summary>
/// A transaction as a block lists it: <paramref name="Summary"/> says what it does in the chain's words (e.g.
/// "coinbase", "2 inputs → 2 outputs", "GAS transfer").
/// </summary>
public sealed record TransactionSummary(string Id, string Summary, string? Value);

/// <summary>
/// One transaction. A UTXO chain fills <paramref name="Inputs"/> and <paramref name="Outputs"/>; an account chain fills
/// <paramref name="Account"/>. Amounts are exact decimal strings in the chain's coin.
/// </summary>
public sealed record BrowsedTransaction(
    string Id, string? BlockHash, long? BlockHeight, DateTime? Time, long Confirmations, long Size, string? Fee, bool Coinbase,
    IReadOnlyList<TransactionInput> Inputs, IReadOnlyList<TransactionOutput> Outputs, AccountTransaction? Account);

/// <summary>A UTXO input: the previous output it spends (txid:vout), that output's address and value.</summary>
public sealed record TransactionInput(string PreviousTransaction, int PreviousOutput, string? Address, string Value);

/// <summary>A UTXO output: its address (null for a script with none, e.g. OP_RETURN), value and whether it is spent.</summary>
public sealed record TransactionOutput(int Index, string? Address, string Value, bool Spent, string Type);

/// <summary>An account chain's transaction: who sent it, its fees, signers, script, VM state and token transfers.</summary>
public sealed record AccountTransaction(
    string Sender, string SystemFee, string NetworkFee, IReadOnlyList<string> Signers, string Script, string VmState, string? Exception,
    IReadOnlyList<TokenTransfer> Transfers);

/// <summary>A decoded token transfer: the token's contract and symbol, from and to (null for mint or burn), exact amount.</summary>
public sealed record TokenTransfer(string Contract, string Symbol, string? From, string? To, string Amount, string? Transaction = null, long? BlockHeight = null);

/// <summary>An address's holdings; UTXO chains list the unspent outputs, account chains the recent transfers.</summary>
public sealed record BrowsedAddress(string Address, long Height, IReadOnlyList<ChainBalance> Balances, IReadOnlyList<UnspentOutput> Unspent, IReadOnlyList<TokenTransfer>? Transfers);

/// <summary>An unspent output an address holds.</summary>
public sealed record UnspentOutput(string Transaction, int Output, string Value, long Height);
