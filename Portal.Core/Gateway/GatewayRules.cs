namespace NutPortal.Core.Gateway;

/// <summary>What the gateway relays: reads of chain state and signed transactions. Node administration (anvil_*, evm_*,
/// debug_*, admin_*, miner_*), node-held keys (eth_sendTransaction, eth_sign, personal_*) and filters kept on a node
/// are not relayed: they would bypass signature checks or let one caller change the chain for everyone.</summary>
public static class GatewayRules
{
    public const string MethodNotRelayed = "method-not-relayed";
    public const string NotSigned = "not-signed";
    public const string WrongChain = "wrong-chain";
    public const string NoReplayProtection = "no-replay-protection";
    public const string SubmitNotAllowed = "submit-not-allowed";
    public const string TooLarge = "too-large";
    public const string InvalidRequest = "invalid-request";

    public const string SendRawTransaction = "eth_sendRawTransaction";

    public static readonly IReadOnlySet<string> Relayed = new HashSet<string>(StringComparer.Ordinal)
    {
        "web3_clientVersion", "net_version", "net_listening", "eth_chainId", "eth_blockNumber", "eth_syncing", "eth_gasPrice",
        "eth_maxPriorityFeePerGas", "eth_feeHistory", "eth_getBalance", "eth_getCode", "eth_getStorageAt", "eth_getTransactionCount",
        "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getBlockTransactionCountByNumber", "eth_getBlockTransactionCountByHash",
        "eth_getTransactionByHash", "eth_getTransactionByBlockNumberAndIndex", "eth_getTransactionByBlockHashAndIndex",
        "eth_getTransactionReceipt", "eth_call", "eth_estimateGas", "eth_getLogs", SendRawTransaction,
    };
}
