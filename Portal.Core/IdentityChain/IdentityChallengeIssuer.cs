using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>What a caller asks a challenge for: a transaction (identity, network, transaction hash) or a registration.</summary>
public sealed record ChallengeBody(string? Purpose, string? IdentityId, string? NetworkId, string? TransactionHash);

/// <summary>
/// Issues challenges to the people they are for: a registration challenge to a member of the chain's organization; a
/// transaction challenge to the identity's own user, for a network they can see; a sign-in challenge to anyone who
/// names an identity whose chain grants sign-in (the answer, not the asking, proves who they are).
/// </summary>
public sealed class IdentityChallengeIssuer(
    IDbContextFactory<PortalDbContext> dbFactory, IdentityChainService chains, IdentityRegistration identities, IdentityChallenges challenges, OrganizationAccess access)
{
    public async Task<IssuedChallenge> IssueAsync(Caller caller, string chainId, ChallengeBody body, CancellationToken ct)
    {
        var chain = await chains.GetAsync(caller, chainId, ct);
        if (chain.Status != IdentityChainStatus.Deployed)
        {
            throw new IdentityChainException(IdentityChainFailure.Conflict, "status", $"The identity chain is {chain.Status}; deploy it first.");
        }
        switch (body.Purpose ?? "transaction")
        {
            case "registration":
                return await challenges.IssueAsync(new ChallengeRequest(ChallengePurpose.Registration, chainId, null, caller.UserId, null, null), ct);
            case "transaction":
                var identity = await identities.GetAsync(caller, chainId, body.IdentityId ?? "", ct);
                if (identity.UserId != caller.UserId)
                {
                    throw IdentityChainException.Forbidden("Only the identity's own user asks for its transaction challenges.");
                }
                var grant = await access.NetworkAsync(body.NetworkId, caller, ct)
                    ?? throw new IdentityChainException(IdentityChainFailure.NotFound, "networkId", $"No network '{body.NetworkId}'.");
                if (body.TransactionHash is not { Length: 66 } hash || !hash.StartsWith("0x", StringComparison.Ordinal) || !Hex.IsHex(hash))
                {
                    throw IdentityChainException.Invalid([new("transactionHash", "The transaction hash is 0x and 64 hex digits: keccak256 of the signed transaction you will send.")]);
                }
                return await challenges.IssueAsync(new ChallengeRequest(ChallengePurpose.Transaction, chainId, identity.Id, caller.UserId, grant.NetworkId, hash), ct);
            default:
                throw IdentityChainException.Invalid([new("purpose", $"Unknown purpose '{body.Purpose}': transaction (the default) or registration.")]);
        }
    }

    /// <summary>A sign-in challenge for an identity, asked before anyone is signed in.</summary>
    public async Task<IssuedChallenge> IssueSignInAsync(string? identityId, CancellationToken ct)
    {
        var id = identityId?.ToLowerInvariant() ?? "";
        ChainIdentity? identity;
        IdentityChainProfile? chain = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            identity = await db.ChainIdentities.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (identity is not null)
            {
                chain = await db.IdentityChainProfiles.AsNoTracking().SingleAsync(c => c.Id == identity.IdentityChainId, ct);
            }
        }
        if (identity is null || chain is null || identity.Status != IdentityStatus.Active || !IdentityChainService.Profile(chain).Permissions.Contains(IdentityPermissions.SignIn))
        {
            throw new IdentityChainException(IdentityChainFailure.NotFound, "identityId", "No active identity with that id may sign in.");
        }
        return await challenges.IssueAsync(new ChallengeRequest(ChallengePurpose.SignIn, chain.Id, identity.Id, null, null, null), ct);
    }
}
