using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>The outcome of saving a policy: the new version, or the fields at fault.</summary>
public sealed record PolicySaveResult(SecurityPolicyVersion? Saved, IReadOnlyDictionary<string, List<string>> Errors);

/// <summary>
/// Networks' security policies: each save adds a version (who, when, the whole document), the newest is in force. The
/// compiled policy is cached per network and re-read after <see cref="CacheFor"/> (another replica's save takes effect
/// within that time; this replica's at once).
/// </summary>
public sealed class SecurityPolicies(IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (CompiledPolicy Policy, DateTimeOffset Read)> _cache = new(StringComparer.Ordinal);

    public async Task<CompiledPolicy> CurrentAsync(string networkId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(networkId, out var cached) && clock.GetUtcNow() - cached.Read < CacheFor)
        {
            return cached.Policy;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.SecurityPolicyVersions.AsNoTracking().Where(v => v.NetworkId == networkId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var policy = CompiledPolicy.None;
        if (latest is not null && SecurityPolicyJson.Read(latest.Document).Document is { } document)
        {
            // A saved version was valid when saved; organizations that left since are not reason enough to drop the whole policy.
            policy = SecurityPolicyValidator.Compile(document, latest.Version, [.. AllOrganizations(document)]).Policy ?? CompiledPolicy.None;
        }
        _cache[networkId] = (policy, clock.GetUtcNow());
        return policy;
    }

    public async Task<PolicySaveResult> SaveAsync(string networkId, SecurityPolicyDocument document, string changedBy, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, Caller.System, ct) ?? throw new InvalidOperationException($"No network '{networkId}'.");
        var (compiled, errors) = SecurityPolicyValidator.Compile(document, 0, [grant.OrganizationId, .. grant.MemberOrganizationIds]);
        if (compiled is null)
        {
            return new PolicySaveResult(null, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = (await db.SecurityPolicyVersions.Where(v => v.NetworkId == networkId).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        var saved = new SecurityPolicyVersion
        {
            NetworkId = networkId, Version = version, Document = SecurityPolicyJson.Write(document), ChangedBy = changedBy, ChangedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SecurityPolicyVersions.Add(saved);
        await db.SaveChangesAsync(ct);  // two saves at once: the unique (network, version) index lets one win, the other fails loudly
        _cache.TryRemove(networkId, out _);
        return new PolicySaveResult(saved, errors);
    }

    /// <summary>Saved versions, newest first (bounded).</summary>
    public async Task<IReadOnlyList<SecurityPolicyVersion>> VersionsAsync(string networkId, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SecurityPolicyVersions.AsNoTracking().Where(v => v.NetworkId == networkId).OrderByDescending(v => v.Version)
            .Take(Math.Clamp(limit, 1, 200)).ToListAsync(ct);
    }

    private static IEnumerable<string> AllOrganizations(SecurityPolicyDocument d) =>
        d.AccessRules.SelectMany(r => r.Organizations ?? [])
            .Concat(d.LevelRules.Select(r => r.SenderOrganization).OfType<string>())
            .Concat(d.Readers.Confidential.Organizations ?? []).Concat(d.Readers.Secret.Organizations ?? [])
            .Distinct(StringComparer.Ordinal);
}
