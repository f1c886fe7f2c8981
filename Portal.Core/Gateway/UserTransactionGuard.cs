using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.IdentityChain;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.SecurityPolicy;

namespace NutPortal.Core.Gateway;

/// <summary>
/// A transaction the portal signs for a user: who acts, through what ("contract center", "wallet", "DApp provider"),
/// and whether the signing account is the user's own (a wallet account) or one the portal keeps for their
/// organization or the network (the contract center's).
/// </summary>
public sealed record UserTransaction(Caller Caller, string Via, bool OwnAccount);

/// <summary>
/// The gateway's rules for transactions the portal signs itself for a user, applied by <see cref="NetworkSigner"/> before
/// it signs: the security policy's access rules (the same <see cref="PolicyEnforcer"/> check the gateway's guard makes,
/// with the user's organizations on the network) and the network's identity requirement (<see cref="PortalSignedIdentity"/>).
/// A refusal is stored with the gateway's refusals, naming its rule, and thrown; nothing is signed or sent.
/// The portal's own infrastructure (oracle fulfilments, the identity registry, faucet and oracle funding) does not come here.
/// </summary>
public sealed class UserTransactionGuard(
    IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, PolicyEnforcer policy, PortalSignedIdentity identity, TimeProvider clock)
{
    /// <summary>Passes, returning the user's organizations on the network (for the policy's level rules by sender organization);
    /// throws <see cref="ContractFailureException"/> (<see cref="ContractFailureKind.Refused"/>) after recording a refusal.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string networkId, UserTransaction user, PrivateKey key, string? to, byte[] data, CancellationToken ct)
    {
        var from = key.Address.ToLowerHex();
        var grant = await access.NetworkAsync(networkId, user.Caller, ct)
            ?? new NetworkGrant(networkId, "", [], user.Caller);  // a network the user cannot see: no organization of theirs admits them
        var verdict = await policy.AccessAsync(networkId, to, data, grant, ct);
        if (verdict.Passed)
        {
            verdict = await identity.CheckAsync(networkId, user, key.PublicKey, from, ct);
        }
        if (verdict.Passed)
        {
            return [.. grant.CallerOrganizations.Where(o => o.Length > 0)];
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.GatewayRefusals.Add(new GatewayRefusal
            {
                NetworkId = networkId, At = clock.GetUtcNow().UtcDateTime, Caller = user.Caller.Name, Method = $"portal-signed ({user.Via})",
                Rule = verdict.Rule!, Reason = verdict.Reason!, Sender = from,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        throw new ContractFailureException(ContractFailureKind.Refused, "transaction", $"Refused by {verdict.Rule}: {verdict.Reason} Nothing was sent.");
    }
}
