using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// Each network's data key (AES-256) for encrypted payloads: made on first use, stored protected by the portal's data
/// protection (whose key ring is itself encrypted at rest, as for node and wallet keys), never logged or shown.
/// </summary>
public sealed class NetworkDataKeys(IDbContextFactory<PortalDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("NutPortal.SecurityPolicy.NetworkDataKeys.v1");

    /// <summary>The network's key and its id; the caller clears the bytes when done.</summary>
    public async Task<(string KeyId, byte[] Key)> CurrentAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.NetworkDataKeys.AsNoTracking().SingleOrDefaultAsync(k => k.NetworkId == networkId, ct);
        if (stored is null)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            stored = new NetworkDataKey
            {
                NetworkId = networkId, KeyId = Hex.Encode(RandomNumberGenerator.GetBytes(4), prefix: false),
                ProtectedKey = Hex.Encode(_protector.Protect(key), prefix: false), CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            CryptographicOperations.ZeroMemory(key);
            db.NetworkDataKeys.Add(stored);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request made the key first: use that one.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                stored = await again.NetworkDataKeys.AsNoTracking().SingleAsync(k => k.NetworkId == networkId, ct);
            }
        }
        return (stored.KeyId, _protector.Unprotect(Hex.Decode(stored.ProtectedKey)));
    }

    /// <summary>The key a marker names, or null when the network's key has another id.</summary>
    public async Task<byte[]?> FindAsync(string networkId, string keyId, CancellationToken ct = default)
    {
        var (id, key) = await CurrentAsync(networkId, ct);
        if (id == keyId)
        {
            return key;
        }
        CryptographicOperations.ZeroMemory(key);
        return null;
    }
}
