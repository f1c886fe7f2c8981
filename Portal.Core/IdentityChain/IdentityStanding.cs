using System.Numerics;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// Whether an identity may act now: its chain's profile grants the permission and the registry contract (read with
/// eth_call, not the database) holds it active. The gateway's answers (<see cref="IdentityAnswers"/>) and the portal's
/// own signer (<see cref="PortalSignedIdentity"/>) both decide by this. Reads the chain without the signer, which depends on it.
/// </summary>
public sealed class IdentityStanding(NetworkRpc networkRpc)
{
    /// <summary>The identity as the contract holds it now; throws <see cref="ContractFailureException"/> or <see cref="JsonRpcException"/> when the chain cannot be read.</summary>
    public async Task<RegistryEntry> ReadAsync(IdentityChainProfile chain, string identityId, CancellationToken ct)
    {
        var rpc = await networkRpc.ForAsync(chain.NetworkId!, ct);
        var output = await rpc.CallAsync(new RpcTransactionRequest { To = chain.ContractAddress, Input = Hex.Encode(IdentityRegistrySource.IdentityOf.EncodeCall(Hex.Decode(identityId))) }, ct: ct);
        var values = IdentityRegistrySource.IdentityOf.DecodeOutput(Hex.Decode(output));
        var status = (int)(BigInteger)values[3]!;
        return new RegistryEntry((byte[])values[0]!, IdentityCurves.FromCode((long)(BigInteger)values[1]!), (byte[])values[2]!,
            status is >= 0 and <= 3 ? (IdentityStatus)status : IdentityStatus.None);
    }

    /// <summary>The registry's entry when the identity may use <paramref name="permission"/>; else the rule that refuses it and why.</summary>
    public async Task<(RegistryEntry? Entry, AnswerVerdict? Refusal)> CheckAsync(IdentityChainProfile chain, ChainIdentity identity, string permission, CancellationToken ct)
    {
        if (!IdentityChainService.Profile(chain).Permissions.Contains(permission))
        {
            return (null, AnswerVerdict.Refuse(IdentityRules.NotPermitted, $"The identity chain {chain.Name} does not grant the '{permission}' permission."));
        }
        RegistryEntry entry;
        try
        {
            entry = await ReadAsync(chain, identity.Id, ct);
        }
        catch (Exception e) when (e is ContractFailureException or JsonRpcClientException or HttpRequestException or FormatException)
        {
            return (null, AnswerVerdict.Refuse(IdentityRules.RegistryUnavailable, $"The registry of {chain.Name} could not be read: {e.Message}"));
        }
        var refused = entry.Status switch
        {
            IdentityStatus.None => AnswerVerdict.Refuse(IdentityRules.Unknown, $"Identity {identity.Address} is not in the registry of {chain.Name}."),
            IdentityStatus.Suspended => AnswerVerdict.Refuse(IdentityRules.Suspended, $"Identity {identity.Address} is suspended on {chain.Name}."),
            IdentityStatus.Revoked => AnswerVerdict.Refuse(IdentityRules.Revoked, $"Identity {identity.Address} is revoked on {chain.Name}."),
            _ => null,
        };
        return refused is null ? (entry, null) : (null, refused);
    }
}
