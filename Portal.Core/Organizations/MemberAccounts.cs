using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

/// <summary>A member organization's own account on a consortium network and whether it exists yet.</summary>
public sealed record MemberAccountView(string OrganizationId, string? Address);

/// <summary>
/// On platforms whose networks carry portal-funded accounts (Ethereum), every member organization of a consortium
/// gets an account of its own when it joins, funded like the network's accounts (key encrypted at rest, as theirs),
/// so its transactions are its own and not the operator's. On Neo and Litecoin members bring their own nodes instead.
/// A network that is not running when the organization joins has no node to fund from: the account is made later from
/// the consortium panel (<see cref="EnsureAsync"/> is idempotent).
/// </summary>
public sealed class MemberAccounts(IDbContextFactory<PortalDbContext> dbFactory, NetworkAccountKeys keys, NodeRunner runner, ILogger<MemberAccounts> logger)
{
    /// <summary>Creates and funds the organization's account unless it has one; false when the network has no running node.</summary>
    public async Task<bool> EnsureAsync(string networkId, string organizationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null || network.OrganizationId == organizationId)
        {
            return false;
        }
        var profile = NodeRunner.ReadProfile(network);
        if (profile.Accounts.Count == 0 || await db.NetworkAccounts.AnyAsync(a => a.NetworkId == networkId && a.OrganizationId == organizationId, ct))
        {
            return true;
        }
        var node = network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl != null).OrderBy(NodeNumbers.Number).FirstOrDefault();
        if (node is null)
        {
            return false;
        }
        var account = keys.Create(networkId, out var key);
        using (key)
        {
            try
            {
                await runner.PlatformFor(network).FundAccountAsync(node, account.Address, profile.Accounts.BalanceEth, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not fund the account of organization {Organization} on network {Network}", organizationId, networkId);
                return false;
            }
        }
        account.OrganizationId = organizationId;
        db.NetworkAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Each member organization's account (address null while it has none); the operator's accounts are the network's own.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AddressesAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == networkId && a.OrganizationId != null)
            .OrderBy(a => a.Id).Select(a => new { a.OrganizationId, a.Address }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrganizationId!).ToDictionary(g => g.Key, g => g.First().Address);
    }

    /// <summary>Whether the network's platform gives members accounts (else they bring nodes).</summary>
    public async Task<bool> AppliesToAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, ct);
        return network is not null && NodeRunner.ReadProfile(network).Accounts.Count > 0;
    }
}
