using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>The outcome of checking an answer: the identity it proves, or the rule that refuses it and why.</summary>
public sealed record AnswerVerdict(ChainIdentity? Identity, string? Rule, string? Reason)
{
    public static AnswerVerdict Refuse(string rule, string reason) => new(null, rule, reason);
}

/// <summary>
/// Checks a signed answer to a challenge: the challenge exists, was issued for this purpose and binding, is unused
/// and unexpired; the identity's key, curve and status are read from the registry contract (eth_call), not the
/// database; the signature verifies over the challenge's message; the profile grants the permission. Only then is the
/// challenge taken (once).
/// </summary>
public sealed class IdentityAnswers(IDbContextFactory<PortalDbContext> dbFactory, IdentityChallenges challenges, IdentityStanding standing)
{
    /// <param name="binding">Why the challenge does not fit what is being answered (another network, another transaction…), or null.</param>
    public async Task<AnswerVerdict> CheckAsync(string? nonce, string? signature, ChallengePurpose purpose, string permission,
        Func<IdentityChallenge, string?> binding, CancellationToken ct)
    {
        var challenge = await challenges.FindAsync(nonce, ct);
        if (challenge is null)
        {
            return AnswerVerdict.Refuse(IdentityRules.ChallengeUnknown, "No such challenge: ask for one at POST /api/v1/identity-chains/{id}/challenges and answer with its 64-hex nonce.");
        }
        if (challenge.Purpose != purpose || challenge.IdentityId is null)
        {
            return AnswerVerdict.Refuse(IdentityRules.ChallengeForeign, $"The challenge was issued for {IdentitySignatures.Purpose(challenge.Purpose)}, not {IdentitySignatures.Purpose(purpose)}.");
        }
        if (binding(challenge) is { } foreign)
        {
            return AnswerVerdict.Refuse(IdentityRules.ChallengeForeign, foreign);
        }
        if (challenges.Unusable(challenge) is { } unusable)
        {
            return AnswerVerdict.Refuse(unusable.Rule, unusable.Reason);
        }
        IdentityChainProfile chain;
        ChainIdentity? identity;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            chain = await db.IdentityChainProfiles.AsNoTracking().SingleAsync(c => c.Id == challenge.IdentityChainId, ct);
            identity = await db.ChainIdentities.AsNoTracking().SingleOrDefaultAsync(i => i.Id == challenge.IdentityId, ct);
        }
        if (identity is null || chain.ContractAddress is null)
        {
            return AnswerVerdict.Refuse(IdentityRules.Unknown, $"Identity {challenge.IdentityId} is not registered on {chain.Name}.");
        }
        var (entry, refused) = await standing.CheckAsync(chain, identity, permission, ct);
        if (entry is null)
        {
            return refused!;
        }
        var bad = entry.Curve is null ? "The registry holds no usable key for the identity."
            : IdentitySignatures.Verify(entry.Curve, entry.PublicKey, IdentitySignatures.Message(challenge), signature);
        if (bad is not null)
        {
            return AnswerVerdict.Refuse(IdentityRules.SignatureInvalid, bad);
        }
        return await challenges.ConsumeAsync(challenge, ct)
            ? new AnswerVerdict(identity, null, null)
            : AnswerVerdict.Refuse(IdentityRules.ChallengeUsed, "The challenge was answered a moment ago (or just expired); ask for a new one.");
    }

    /// <summary>The portal user an identity is bound to.</summary>
    public async Task<string?> UserOfAsync(string identityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainIdentities.Where(i => i.Id == identityId).Select(i => i.UserId).SingleOrDefaultAsync(ct);
    }
}
