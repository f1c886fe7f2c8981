namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// The "platform status" an operator compares platforms by (ITU-T Y.3530 8.2.5): the consensus algorithm and
/// its parameters, signature scheme, hash functions, node counts, account model, contract support, and the
/// rule that decides whether a network with failed nodes still makes blocks.
/// </summary>
public sealed record PlatformFacts(
    string Engine,
    string ConsensusAlgorithm,
    IReadOnlyDictionary<string, string> ConsensusParameters,
    string SignatureScheme,
    IReadOnlyList<string> HashFunctions,
    string NodeCounts,
    string AccountModel,
    string ContractSupport,
    string FaultRule,
    bool PortalDrivenBlocks,
    string InstallCommand);

/// <summary>One node's view of the chain, read over its RPC.</summary>
public sealed record NodeChainState(long Height, string BestHash, int Peers, int MempoolSize, string Version);

/// <summary>A node did not answer its RPC, or answered with an error or garbage.</summary>
public sealed class NodeRpcException(string message, Exception? inner = null) : Exception(message, inner);
