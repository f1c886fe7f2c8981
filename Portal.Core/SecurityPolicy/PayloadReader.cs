using System.Security.Cryptography;
using System.Text;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Explorer;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>One encrypted payload of a transaction: its level, and the plaintext when the reader was entitled to it.</summary>
public sealed record PayloadView(SecurityLevel Level, bool MayRead, string? Plaintext);

/// <summary>
/// Reads the encrypted payloads of an indexed transaction for a user: everyone sees that they are encrypted and at which
/// level; only those the policy's readers admit get the plaintext, decrypted on the server with the network's key, and
/// every such read is recorded (who, when, which transaction, the highest level read).
/// </summary>
public sealed class PayloadReader(
    IDbContextFactory<PortalDbContext> dbFactory, ExplorerQueries explorer, SecurityPolicies policies, NetworkDataKeys keys, TimeProvider clock)
{
    /// <summary>The markers in calldata, by level (for pages that only show that a payload is encrypted).</summary>
    public static IReadOnlyList<EncryptedMarker> MarkersIn(string inputHex) =>
        Hex.TryDecode(inputHex, out var data) ? EncryptedMarker.FindIn(data) : [];

    /// <summary>Null when the transaction is not indexed; else one view per payload (none when nothing is encrypted).</summary>
    public async Task<IReadOnlyList<PayloadView>?> ReadAsync(NetworkGrant grant, string transactionHash, bool decrypt, CancellationToken ct = default)
    {
        var detail = await explorer.TransactionAsync(grant.NetworkId, transactionHash.ToLowerInvariant(), ct);
        if (detail is null)
        {
            return null;
        }
        var markers = MarkersIn(detail.Transaction.Input);
        var policy = await policies.CurrentAsync(grant.NetworkId, ct);
        var organizations = new[] { grant.OrganizationId }.Concat(grant.MemberOrganizationIds).ToList();
        var views = new List<PayloadView>();
        byte[]? key = null;
        try
        {
            foreach (var marker in markers)
            {
                var may = policy.MayRead(marker.Level, grant.Caller, organizations);
                string? plaintext = null;
                if (may && decrypt)
                {
                    key ??= await keys.FindAsync(grant.NetworkId, marker.KeyId, ct);
                    plaintext = key is null ? null : TryDecrypt(marker, key);
                }
                views.Add(new PayloadView(marker.Level, may, plaintext));
            }
        }
        finally
        {
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
        if (views.Any(v => v.Plaintext is not null))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.PayloadDecryptions.Add(new PayloadDecryption
            {
                NetworkId = grant.NetworkId, TransactionHash = detail.Transaction.Hash, UserName = grant.Caller.Name,
                Level = views.Where(v => v.Plaintext is not null).Max(v => v.Level).ToString().ToLowerInvariant(), At = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        return views;
    }

    /// <summary>Recorded decryptions on a network, newest first (bounded).</summary>
    public async Task<IReadOnlyList<PayloadDecryption>> DecryptionsAsync(string networkId, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PayloadDecryptions.AsNoTracking().Where(d => d.NetworkId == networkId).OrderByDescending(d => d.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
    }

    private static string? TryDecrypt(EncryptedMarker marker, byte[] key)
    {
        try
        {
            return Encoding.UTF8.GetString(PayloadCipher.Decrypt(marker, key));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
