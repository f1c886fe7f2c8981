using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Gateway;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// The network's identity requirement for a transaction the portal signs for a user. At the gateway the sender proves
/// an identity of the required chain by answering a challenge (<see cref="IdentityGuard"/>); here the portal holds the
/// key, so the identity must be the signing account itself: its secp256k1 key registered on the required chain, and
/// standing there (<see cref="IdentityStanding"/>: the profile grants "transact", the registry holds it active, not
/// suspended or revoked). A send by an account the portal keeps for an organization or the network (the contract
/// center's) is vouched for by the acting user instead: one of their identities on the chain must stand.
/// </summary>
public sealed class PortalSignedIdentity(IDbContextFactory<PortalDbContext> dbFactory, IdentityStanding standing)
{
    public async Task<GuardVerdict> CheckAsync(string networkId, UserTransaction user, byte[] signerPublicKey, string signerAddress, CancellationToken ct)
    {
        IdentityChainProfile? chain;
        List<ChainIdentity> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var requirement = await db.NetworkIdentityRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == networkId, ct);
            if (requirement is null)
            {
                return GuardVerdict.Pass;
            }
            chain = await db.IdentityChainProfiles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == requirement.IdentityChainId, ct);
            if (chain?.ContractAddress is null)
            {
                return GuardVerdict.Refuse(IdentityRules.RegistryUnavailable, $"This network requires an identity of chain {requirement.IdentityChainId}, which has no deployed registry.");
            }
            var chainId = chain.Id;
            if (user.OwnAccount)
            {
                string[] ids = [IdentitySignatures.IdentityId(chainId, signerPublicKey), IdentitySignatures.IdentityId(chainId, Compressed(signerPublicKey))];
                candidates = await db.ChainIdentities.AsNoTracking().Where(i => i.IdentityChainId == chainId && ids.Contains(i.Id)).ToListAsync(ct);
            }
            else
            {
                var userId = user.Caller.UserId;
                candidates = await db.ChainIdentities.AsNoTracking().Where(i => i.IdentityChainId == chainId && i.UserId == userId && i.Status != IdentityStatus.Revoked)
                    .OrderByDescending(i => i.RegisteredAt).Take(5).ToListAsync(ct);
            }
        }
        var requires = $"This network requires an identity of the identity chain {chain.Name} ({chain.Id}) for transactions";
        if (candidates.Count == 0)
        {
            return GuardVerdict.Refuse(IdentityRules.Required, user.OwnAccount
                ? $"{requires}; the signing account {signerAddress} is not a registered identity there. Register the account's public key on {chain.Name} first."
                : $"{requires}; {user.Caller.Name} holds no identity there (the transaction would be signed by {signerAddress} for them). Register one on {chain.Name} first.");
        }
        AnswerVerdict? first = null;
        foreach (var identity in candidates)
        {
            var (entry, refused) = await standing.CheckAsync(chain, identity, IdentityPermissions.Transact, ct);
            if (entry is not null)
            {
                return GuardVerdict.Pass;
            }
            first ??= refused;
        }
        return GuardVerdict.Refuse(first!.Rule!, $"{requires}, signed by {signerAddress}: {first.Reason}");
    }

    /// <summary>The 33-byte form of an uncompressed (0x04‖X‖Y) secp256k1 key: an identity may have registered either.</summary>
    private static byte[] Compressed(byte[] key) => key.Length == 65 ? [(byte)((key[64] & 1) == 0 ? 2 : 3), .. key.AsSpan(1, 32)] : key;
}
