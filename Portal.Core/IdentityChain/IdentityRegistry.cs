using NutPortal.Core.Contracts;

namespace NutPortal.Core.IdentityChain;

/// <summary>An identity as the registry contract holds it.</summary>
public sealed record RegistryEntry(byte[] PublicKey, string? Curve, byte[] FieldsHash, IdentityStatus Status);

/// <summary>Writes a deployed registry (transactions by the portal's <see cref="NetworkSigner"/>); <see cref="IdentityStanding"/> reads it.</summary>
public sealed class IdentityRegistry(NetworkSigner signer)
{
    /// <summary>Sends a registry call signed by the network's account (the registry's portal) and waits for it to be mined. The portal's own
    /// infrastructure send: exempt from the network's access rules and identity requirement (a user's registration must not need an identity).</summary>
    public async Task<string> SendAsync(IdentityChainProfile chain, byte[] data, CancellationToken ct)
    {
        try
        {
            var receipt = await signer.SendAsync(chain.NetworkId!, chain.ContractAddress, data, 0, ct);
            return receipt.Succeeded ? receipt.TransactionHash
                : throw new IdentityChainException(IdentityChainFailure.Conflict, "registry", $"The registry transaction {receipt.TransactionHash} reverted.");
        }
        catch (ContractFailureException e)
        {
            throw new IdentityChainException(IdentityChainFailure.Conflict, "registry", $"The registry refused: {e.Message}");
        }
    }
}
