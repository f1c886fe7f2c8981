using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Contracts;

/// <summary>
/// ABI of a contract the portal deployed, by network and address, for decoding calls and logs (the explorer's
/// IContractAbiLookup is wired to this at merge).
/// </summary>
public sealed class DeployedContractAbis(ContractDeployer deployer)
{
    public async Task<ContractAbi?> FindAsync(string networkId, string address, CancellationToken cancellationToken)
    {
        var deployed = await deployer.FindAsync(networkId, address, cancellationToken);
        return deployed is null ? null : ContractAbi.Parse(deployed.AbiJson);
    }
}
