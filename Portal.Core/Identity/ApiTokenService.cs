using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Identity;

/// <summary>A newly created token: the secret is returned this once and never stored.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>Creates, lists, revokes and validates personal API tokens. Only SHA-256 hashes are stored.</summary>
public sealed class ApiTokenService(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    public const string SecretPrefix = "np_";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string GenerateSecret() =>
        SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, CancellationToken ct = default)
    {
        var secret = GenerateSecret();
        var token = await RegisterAsync(userId, name, secret, ct);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>Registers a secret chosen elsewhere (the bootstrap token). Returns the existing row if already known.</summary>
    public async Task<ApiToken> RegisterAsync(string userId, string name, string secret, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A token name is 1 to 100 characters.", nameof(name));
        }
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (existing is not null)
        {
            return existing;
        }
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = hash,
            Prefix = secret[..Math.Min(10, secret.Length)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)];
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ApiTokenRevoked(token.Id, userId));
        return true;
    }

    /// <summary>The active (not revoked) token with this secret, or null.</summary>
    public async Task<ApiToken?> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) && secret.Length < 24)
        {
            return null;
        }
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
        if (token is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
