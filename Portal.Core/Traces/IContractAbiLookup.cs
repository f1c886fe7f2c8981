using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Traces;

/// <summary>
/// Finds the ABI of a contract deployed on a network, so traces can name functions and decode custom errors.
/// The contract center provides the real lookup; until then no ABI is known and raw data is shown.
/// </summary>
public interface IContractAbiLookup
{
    Task<ContractAbi?> FindAsync(string networkId, string address, CancellationToken ct = default);
}

internal sealed class NoContractAbiLookup : IContractAbiLookup
{
    public Task<ContractAbi?> FindAsync(string networkId, string address, CancellationToken ct = default) => Task.FromResult<ContractAbi?>(null);
}
