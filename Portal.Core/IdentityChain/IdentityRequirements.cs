using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>Whether a business network requires an identity answer for transactions, and from which chain; set by the network's Operators.</summary>
public sealed class IdentityRequirements(IDbContextFactory<PortalDbContext> dbFactory, IdentityChainService chains, IdentityChainClock clock)
{
    public async Task<NetworkIdentityRequirement?> GetAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.NetworkIdentityRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == networkId, ct);
    }

    /// <summary>Requires answers from <paramref name="chainId"/> (a deployed chain of one of the caller's organizations), or none when it is null.</summary>
    public async Task<NetworkIdentityRequirement?> SetAsync(NetworkGrant grant, string? chainId, CancellationToken ct)
    {
        if (!grant.CanOperate)
        {
            throw IdentityChainException.Forbidden("Requiring identity needs the Owner or Operator role in the network's organization.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.NetworkIdentityRequirements.SingleOrDefaultAsync(r => r.NetworkId == grant.NetworkId, ct);
        if (string.IsNullOrEmpty(chainId))
        {
            if (existing is not null)
            {
                db.NetworkIdentityRequirements.Remove(existing);
                await db.SaveChangesAsync(ct);
            }
            return null;
        }
        IdentityChainProfile chain;
        try
        {
            chain = await chains.GetAsync(grant.Caller, chainId, ct);
        }
        catch (IdentityChainException e) when (e.Kind == IdentityChainFailure.NotFound)
        {
            throw IdentityChainException.Invalid([new("identityChainId", $"No identity chain '{chainId}' of your organizations.")]);
        }
        if (chain.Status != IdentityChainStatus.Deployed)
        {
            throw IdentityChainException.Invalid([new("identityChainId", $"The identity chain {chain.Name} is {chain.Status}; deploy it first.")]);
        }
        if (existing is null)
        {
            existing = new NetworkIdentityRequirement { NetworkId = grant.NetworkId, IdentityChainId = chain.Id, SetBy = grant.Caller.Name };
            db.NetworkIdentityRequirements.Add(existing);
        }
        existing.IdentityChainId = chain.Id;
        existing.SetBy = grant.Caller.Name;
        existing.SetAt = clock.Now;
        await db.SaveChangesAsync(ct);
        return existing;
    }
}
