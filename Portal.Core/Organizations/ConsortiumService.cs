using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

public sealed record NetworkInvitationView(string Id, string NetworkId, string NetworkName, string FromOrganization, string ToOrganizationId, string ToOrganization, DateTime ExpiresAt);

public sealed record ConsortiumMemberView(string OrganizationId, string Name, bool IsOperator, DateTime JoinedAt);

/// <summary>
/// Consortium networks (quick mode): the organization that runs a network invites other organizations; an Owner of
/// the invited organization accepts, and its members then see the shared chain, keep their own accounts and run the
/// nodes they add. The operator removes members; a member organization leaves (and so leaves the consortium's channels).
/// Each step is audited on both sides.
/// </summary>
public sealed class ConsortiumService(IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, MemberAccounts memberAccounts, TimeProvider clock)
{
    public async Task<OrganizationResult> InviteAsync(string networkId, string? organizationName, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null)
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate)
        {
            return OrganizationResult.Refused("Only the network's operating organization invites others into it.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = organizationName?.Trim() ?? "";
        var invited = (await db.Organizations.AsNoTracking().ToListAsync(ct)).FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        if (invited is null)
        {
            return OrganizationResult.Fail("organization", $"No organization is named '{name}'.");
        }
        if (invited.Id == grant.OrganizationId || grant.MemberOrganizationIds.Contains(invited.Id))
        {
            return OrganizationResult.Fail("organization", $"{invited.Name} is in this network already.");
        }
        var parent = await db.Networks.Where(n => n.Id == networkId).Select(n => n.ParentNetworkId).SingleAsync(ct);
        if (parent is not null && !await db.NetworkMembers.AnyAsync(m => m.NetworkId == parent && m.OrganizationId == invited.Id, ct))
        {
            return OrganizationResult.Fail("organization", $"{invited.Name} is not a member of this channel's consortium; invite it there first.");
        }
        var invitation = new Invitation
        {
            Id = OrganizationService.NewId(),
            Kind = InvitationKinds.Network,
            OrganizationId = grant.OrganizationId,
            NetworkId = networkId,
            InvitedOrganizationId = invited.Id,
            ExpiresAt = Now + InvitationService.Lifetime,
            CreatedBy = caller.Name,
            CreatedAt = Now,
        };
        db.Invitations.Add(invitation);
        OrganizationAudit.Add(db, grant.OrganizationId, caller.Name, "consortium/invite", $"invited {invited.Name} into network {networkId}", Now);
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(invitation.Id);
    }

    /// <summary>Open network invitations addressed to organizations the caller owns.</summary>
    public async Task<IReadOnlyList<NetworkInvitationView>> PendingAsync(Caller caller, CancellationToken ct = default)
    {
        var owned = caller.Roles.Where(r => r.Value.Contains(OrgRoles.Owner)).Select(r => r.Key).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var rows = await (from i in db.Invitations.AsNoTracking()
                          join n in db.Networks on i.NetworkId equals n.Id
                          join fromOrg in db.Organizations on i.OrganizationId equals fromOrg.Id
                          join toOrg in db.Organizations on i.InvitedOrganizationId equals toOrg.Id
                          where i.Kind == InvitationKinds.Network && owned.Contains(i.InvitedOrganizationId!)
                                && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                          select new NetworkInvitationView(i.Id, n.Id, n.Name, fromOrg.Name, toOrg.Id, toOrg.Name, i.ExpiresAt)).ToListAsync(ct);
        return rows;
    }

    public async Task<OrganizationResult> AcceptAsync(string invitationId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId && i.Kind == InvitationKinds.Network, ct);
        if (invitation is null || !(caller.IsAdmin || caller.IsMember(invitation.InvitedOrganizationId!) || caller.IsMember(invitation.OrganizationId)))
        {
            return OrganizationResult.NotFound;
        }
        if (!caller.IsOwnerOf(invitation.InvitedOrganizationId!))
        {
            return OrganizationResult.Refused("Only an Owner of the invited organization accepts.");
        }
        if (!invitation.IsOpen(Now))
        {
            return OrganizationResult.Fail("invitation", "This invitation was already used, revoked or has expired.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, Now).SetProperty(i => i.AcceptedBy, caller.Name), ct);
        if (taken == 0 || !await db.Networks.AnyAsync(n => n.Id == invitation.NetworkId, ct))
        {
            return OrganizationResult.Fail("invitation", "This invitation was already used, or its network is gone.");
        }
        Admit(db, invitation, caller.Name, Now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await memberAccounts.EnsureAsync(invitation.NetworkId!, invitation.InvitedOrganizationId!, ct);
        return OrganizationResult.Ok(invitation.NetworkId);
    }

    /// <summary>The invited (or asking) organization becomes a member of the network; audited on both sides.</summary>
    internal static void Admit(PortalDbContext db, Invitation invitation, string actor, DateTime now)
    {
        db.NetworkMembers.Add(new NetworkMember { NetworkId = invitation.NetworkId!, OrganizationId = invitation.InvitedOrganizationId!, AddedBy = actor, JoinedAt = now });
        OrganizationAudit.Add(db, invitation.InvitedOrganizationId!, actor, "consortium/join", $"joined network {invitation.NetworkId}", now);
        OrganizationAudit.Add(db, invitation.OrganizationId, actor, "consortium/join", $"{invitation.InvitedOrganizationId} joined network {invitation.NetworkId}", now);
    }

    public async Task<IReadOnlyList<ConsortiumMemberView>?> MembersAsync(string networkId, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = grant.MemberOrganizationIds.Append(grant.OrganizationId).ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var joined = await db.NetworkMembers.Where(m => m.NetworkId == networkId).ToDictionaryAsync(m => m.OrganizationId, m => m.JoinedAt, ct);
        var created = await db.Networks.Where(n => n.Id == networkId).Select(n => n.CreatedAt).SingleAsync(ct);
        return [.. ids.Select(id => new ConsortiumMemberView(id, names.GetValueOrDefault(id, id), id == grant.OrganizationId, joined.GetValueOrDefault(id, created)))
            .OrderByDescending(m => m.IsOperator).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The operator removes a member organization, or one of its Owners leaves; its nodes pass to the operator.</summary>
    public async Task<OrganizationResult> RemoveAsync(string networkId, string organizationId, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null || !grant.MemberOrganizationIds.Contains(organizationId))
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate && !caller.IsOwnerOf(organizationId))
        {
            return OrganizationResult.Refused("Only the network's operator removes a member; a member's Owners may leave.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Leaving a consortium leaves its channels too: they exist for members only.
        var networks = await db.Networks.Where(n => n.Id == networkId || n.ParentNetworkId == networkId).Select(n => n.Id).ToListAsync(ct);
        await db.NetworkMembers.Where(m => networks.Contains(m.NetworkId) && m.OrganizationId == organizationId).ExecuteDeleteAsync(ct);
        await db.NetworkNodes.Where(n => networks.Contains(n.NetworkId) && n.OrganizationId == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.OrganizationId, (string?)null), ct);
        var action = grant.CanOperate && !caller.IsOwnerOf(organizationId) ? "consortium/remove" : "consortium/leave";
        OrganizationAudit.Add(db, organizationId, caller.Name, action, $"left network {networkId}", Now);
        OrganizationAudit.Add(db, grant.OrganizationId, caller.Name, action, $"{organizationId} left network {networkId}", Now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OrganizationResult.Ok();
    }

    /// <summary>The operator gives one of the network's nodes (on Neo, a consensus seat) to a member organization, which
    /// then runs it beside the operator; null gives it back to the operator.</summary>
    public async Task<OrganizationResult> AssignNodeAsync(string networkId, string nodeId, string? organizationId, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null)
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate)
        {
            return OrganizationResult.Refused("Only the network's operator gives its nodes to member organizations.");
        }
        if (organizationId is not null && !grant.MemberOrganizationIds.Contains(organizationId))
        {
            return OrganizationResult.Fail("organizationId", $"'{organizationId}' is not a member organization of this network.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await db.NetworkNodes.SingleOrDefaultAsync(n => n.Id == nodeId && n.NetworkId == networkId, ct);
        if (node is null)
        {
            return OrganizationResult.NotFound;
        }
        var previous = node.OrganizationId;
        node.OrganizationId = organizationId;
        var detail = $"{node.Name} of network {networkId} now run by {organizationId ?? "the operator"}";
        foreach (var org in new[] { grant.OrganizationId, previous, organizationId }.OfType<string>().Distinct())
        {
            OrganizationAudit.Add(db, org, caller.Name, "consortium/node", detail, Now);
        }
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(nodeId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
