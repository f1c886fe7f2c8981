namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// The portal's NutOracle on one network: the contract, the oracle account that alone may fulfil (its key
/// encrypted at rest with Data Protection, like the network accounts), and the next block whose request events
/// the follower reads.
/// </summary>
public sealed class OracleDeployment
{
    public required string NetworkId { get; set; }

    public required string ContractAddress { get; set; }

    public required string OracleAddress { get; set; }

    public required string ProtectedPrivateKey { get; set; }

    public required string TransactionHash { get; set; }

    /// <summary>The user who asked for the deployment; requests read from the chain belong to them.</summary>
    public required string DeployedBy { get; set; }

    public DateTime DeployedAt { get; set; }

    public long NextBlock { get; set; }
}
