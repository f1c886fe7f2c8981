using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Traces;

/// <summary>
/// Finds the ABI of a contract deployed on a network, so traces can name functions and decode custom errors.
/// The contract center's <c>DeployedContractAbis</c> implements it; contracts deployed elsewhere show raw data.
/// </summary>
public interface IContractAbiLookup
{
    Task<ContractAbi?> FindAsync(string networkId, string address, CancellationToken ct = default);
}
