using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>What a challenge is bound to when it is issued.</summary>
public sealed record ChallengeRequest(ChallengePurpose Purpose, string IdentityChainId, string? IdentityId, string? UserId, string? NetworkId, string? TransactionHash);

/// <summary>An issued challenge: the nonce, the exact message to sign, and until when.</summary>
public sealed record IssuedChallenge(string Challenge, string Message, string Purpose, DateTime ExpiresAt);

/// <summary>
/// Issues random nonces for a short time (Portal:IdentityChain:ChallengeSeconds) and takes each at most once: the
/// taking is one conditional UPDATE (unused and unexpired), so two replicas answering the same challenge cannot both succeed.
/// </summary>
public sealed class IdentityChallenges(IDbContextFactory<PortalDbContext> dbFactory, IOptions<IdentityChainOptions> options, IdentityChainClock clock)
{
    public async Task<IssuedChallenge> IssueAsync(ChallengeRequest request, CancellationToken ct)
    {
        var now = clock.Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Counted per purpose, so anonymous sign-in requests cannot use up an identity's transaction challenges.
        var open = await db.IdentityChallenges.CountAsync(c => c.IdentityChainId == request.IdentityChainId && c.Purpose == request.Purpose && c.UsedAt == null
            && c.ExpiresAt > now && (request.IdentityId != null ? c.IdentityId == request.IdentityId : c.IdentityId == null && c.UserId == request.UserId), ct);
        if (open >= options.Value.MaxOpenChallenges)
        {
            throw new IdentityChainException(IdentityChainFailure.Conflict, "challenge",
                $"{open} {IdentitySignatures.Purpose(request.Purpose)} challenges are open for this identity (Portal:IdentityChain:MaxOpenChallenges); answer one or wait {options.Value.ChallengeSeconds} s for them to expire.");
        }
        var challenge = new IdentityChallenge
        {
            Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            IdentityChainId = request.IdentityChainId,
            IdentityId = request.IdentityId,
            UserId = request.UserId,
            Purpose = request.Purpose,
            NetworkId = request.NetworkId,
            TransactionHash = request.TransactionHash?.ToLowerInvariant(),
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(options.Value.ChallengeSeconds),
        };
        db.IdentityChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return new IssuedChallenge(challenge.Nonce, IdentitySignatures.Message(challenge), IdentitySignatures.Purpose(challenge.Purpose), challenge.ExpiresAt);
    }

    public async Task<IdentityChallenge?> FindAsync(string? nonce, CancellationToken ct)
    {
        if (nonce is not { Length: 64 })
        {
            return null;
        }
        var key = nonce.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdentityChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Nonce == key, ct);
    }

    /// <summary>Why the challenge cannot be answered now (used or expired), or null.</summary>
    public (string Rule, string Reason)? Unusable(IdentityChallenge challenge)
    {
        if (challenge.UsedAt is not null)
        {
            return (IdentityRules.ChallengeUsed, $"The challenge was already answered at {challenge.UsedAt:O}; ask for a new one.");
        }
        return challenge.ExpiresAt <= clock.Now
            ? (IdentityRules.ChallengeExpired, $"The challenge expired at {challenge.ExpiresAt:O} ({options.Value.ChallengeSeconds} s after it was issued); ask for a new one.")
            : null;
    }

    /// <summary>Takes the challenge: true for exactly one caller while it is unused and unexpired.</summary>
    public async Task<bool> ConsumeAsync(IdentityChallenge challenge, CancellationToken ct)
    {
        var now = clock.Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdentityChallenges.Where(c => c.Id == challenge.Id && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }

    /// <summary>A chain's newest challenges (the page lists them).</summary>
    public async Task<IReadOnlyList<IdentityChallenge>> RecentAsync(string chainId, string? userId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdentityChallenges.AsNoTracking().Where(c => c.IdentityChainId == chainId && (userId == null || c.UserId == userId))
            .OrderByDescending(c => c.Id).Take(Math.Clamp(limit, 1, 200)).ToListAsync(ct);
    }
}

/// <summary>The time challenges are issued and expire by (the portal's <see cref="TimeProvider"/>; tests move it without sleeping).</summary>
public class IdentityChainClock(TimeProvider time)
{
    public virtual DateTime Now => time.GetUtcNow().UtcDateTime;
}
