using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Contracts;

/// <summary>
/// ABI of a contract the portal deployed, by network and address: the explorer and traces decode calls, logs
/// and custom errors with it.
/// </summary>
public sealed class DeployedContractAbis(ContractDeployer deployer) : IContractAbiLookup
{
    public async Task<ContractAbi?> FindAsync(string networkId, string address, CancellationToken ct = default)
    {
        var deployed = await deployer.FindAsync(networkId, address, ct);
        return deployed is null ? null : ContractAbi.Parse(deployed.AbiJson);
    }
}
