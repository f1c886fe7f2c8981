using System.Numerics;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.IdentityChain;

/// <summary>An identity as the registry contract holds it.</summary>
public sealed record RegistryEntry(byte[] PublicKey, string? Curve, byte[] FieldsHash, IdentityStatus Status);

/// <summary>Reads (eth_call) and writes (transactions by the portal's <see cref="NetworkSigner"/>) a deployed registry.</summary>
public sealed class IdentityRegistry(NetworkSigner signer)
{
    /// <summary>The identity as the contract holds it now; throws <see cref="ContractFailureException"/> or <see cref="JsonRpcException"/> when the chain cannot be read.</summary>
    public async Task<RegistryEntry> ReadAsync(IdentityChainProfile chain, string identityId, CancellationToken ct)
    {
        var rpc = await signer.RpcAsync(chain.NetworkId!, ct);
        var output = await rpc.CallAsync(new RpcTransactionRequest { To = chain.ContractAddress, Input = Hex.Encode(IdentityRegistrySource.IdentityOf.EncodeCall(Hex.Decode(identityId))) }, ct: ct);
        var values = IdentityRegistrySource.IdentityOf.DecodeOutput(Hex.Decode(output));
        var status = (int)(BigInteger)values[3]!;
        return new RegistryEntry((byte[])values[0]!, IdentityCurves.FromCode((long)(BigInteger)values[1]!), (byte[])values[2]!,
            status is >= 0 and <= 3 ? (IdentityStatus)status : IdentityStatus.None);
    }

    /// <summary>Sends a registry call signed by the network's account (the registry's portal) and waits for it to be mined.</summary>
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
