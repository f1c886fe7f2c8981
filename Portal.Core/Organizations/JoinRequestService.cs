using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

/// <summary>A consortium listed in the directory, as an organization looking for one sees it.</summary>
public sealed record ListedConsortium(string NetworkId, string Name, string Platform, string Operator, int Members, string? CurrentOrganizationState);

/// <summary>An open request to join, as the consortium's operator sees it.</summary>
public sealed record JoinRequestView(string Id, string NetworkId, string OrganizationId, string Organization, string? Message, string RequestedBy, DateTime RequestedAt);

/// <summary>
/// Standard mode: an operator organization runs a consortium and lists it in the directory; an Owner of another
/// organization asks to join, and the operator approves (the organization becomes a member, as an accepted
/// invitation makes it) or declines. Unlisted consortia are not in the directory and take no requests.
/// </summary>
public sealed class JoinRequestService(IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, MemberAccounts memberAccounts, TimeProvider clock)
{
    public const int MaxMessageLength = 500;

    public async Task<OrganizationResult> SetListedAsync(string networkId, bool listed, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null)
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate)
        {
            return OrganizationResult.Refused("Only the consortium's operator lists it in the directory.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (listed && await db.Networks.AnyAsync(n => n.Id == networkId && n.ParentNetworkId != null, ct))
        {
            return OrganizationResult.Fail("listed", "A channel is not listed; list its consortium.");
        }
        await db.Networks.Where(n => n.Id == networkId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ListedForJoining, listed), ct);
        OrganizationAudit.Add(db, grant.OrganizationId, caller.Name, listed ? "consortium/list" : "consortium/unlist",
            $"network {networkId} {(listed ? "listed in" : "removed from")} the consortium directory", Now);
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok();
    }

    /// <summary>Listed consortia, with where the caller's current organization stands in each (operator, member, requested).</summary>
    public async Task<IReadOnlyList<ListedConsortium>> DirectoryAsync(Caller caller, CancellationToken ct = default)
    {
        var current = caller.CurrentOrganizationId ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var rows = await (from n in db.Networks.AsNoTracking()
                          join o in db.Organizations on n.OrganizationId equals o.Id
                          where n.ListedForJoining && n.ParentNetworkId == null
                          orderby n.Name
                          select new
                          {
                              n.Id, n.Name, n.Platform, Operator = o.Name, OperatorId = o.Id,
                              Members = db.NetworkMembers.Count(m => m.NetworkId == n.Id),
                              IsMember = db.NetworkMembers.Any(m => m.NetworkId == n.Id && m.OrganizationId == current),
                              Requested = db.Invitations.Any(i => i.Kind == InvitationKinds.JoinRequest && i.NetworkId == n.Id && i.InvitedOrganizationId == current
                                                                  && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now),
                          }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new ListedConsortium(r.Id, r.Name, r.Platform, r.Operator, r.Members + 1,
            r.OperatorId == current ? "operator" : r.IsMember ? "member" : r.Requested ? "requested" : null))];
    }

    public async Task<OrganizationResult> RequestAsync(string networkId, string? organizationId, string? message, Caller caller, CancellationToken ct = default)
    {
        organizationId ??= caller.CurrentOrganizationId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().Where(n => n.Id == networkId && n.ListedForJoining && n.ParentNetworkId == null)
            .Select(n => new { n.Id, n.OrganizationId }).FirstOrDefaultAsync(ct);
        if (network is null)
        {
            return OrganizationResult.NotFound;
        }
        if (organizationId is null || !caller.IsMember(organizationId) && !caller.IsAdmin)
        {
            return OrganizationResult.Fail("organizationId", "Name an organization you belong to.");
        }
        if (!caller.IsOwnerOf(organizationId))
        {
            return OrganizationResult.Refused("Only an Owner of the organization asks to join a consortium for it.");
        }
        message = message?.Trim();
        if (message?.Length > MaxMessageLength)
        {
            return OrganizationResult.Fail("message", $"Keep the message under {MaxMessageLength} characters.");
        }
        if (network.OrganizationId == organizationId || await db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.OrganizationId == organizationId, ct))
        {
            return OrganizationResult.Fail("organizationId", "That organization is in this consortium already.");
        }
        var now = Now;
        if (await db.Invitations.AnyAsync(i => i.Kind == InvitationKinds.JoinRequest && i.NetworkId == networkId && i.InvitedOrganizationId == organizationId
                                               && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct))
        {
            return OrganizationResult.Fail("organizationId", "That organization has asked already; the operator has not answered yet.");
        }
        var request = new Invitation
        {
            Id = OrganizationService.NewId(),
            Kind = InvitationKinds.JoinRequest,
            OrganizationId = network.OrganizationId,
            NetworkId = networkId,
            InvitedOrganizationId = organizationId,
            Message = string.IsNullOrEmpty(message) ? null : message,
            ExpiresAt = now + InvitationService.Lifetime,
            CreatedBy = caller.Name,
            CreatedAt = now,
        };
        db.Invitations.Add(request);
        OrganizationAudit.Add(db, organizationId, caller.Name, "consortium/request", $"asked to join network {networkId}", now);
        OrganizationAudit.Add(db, network.OrganizationId, caller.Name, "consortium/request", $"{organizationId} asked to join network {networkId}", now);
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(request.Id);
    }

    /// <summary>Open requests to join a network, for its operator; null when the caller may not see them.</summary>
    public async Task<IReadOnlyList<JoinRequestView>?> PendingAsync(string networkId, Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        if (grant is null || !grant.CanOperate)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await (from i in db.Invitations.AsNoTracking()
                      join o in db.Organizations on i.InvitedOrganizationId equals o.Id
                      where i.Kind == InvitationKinds.JoinRequest && i.NetworkId == networkId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                      orderby i.CreatedAt
                      select new JoinRequestView(i.Id, networkId, o.Id, o.Name, i.Message, i.CreatedBy, i.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>The operator approves (the organization joins) or declines; each request is answered once.</summary>
    public async Task<OrganizationResult> DecideAsync(string requestId, bool approve, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == requestId && i.Kind == InvitationKinds.JoinRequest, ct);
        var grant = request is null ? null : await access.NetworkAsync(request.NetworkId, caller, ct);
        if (request is null || grant is null)
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate)
        {
            return OrganizationResult.Refused("Only the consortium's operator answers requests to join.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        var open = db.Invitations.Where(i => i.Id == requestId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
        var taken = approve
            ? await open.ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, caller.Name), ct)
            : await open.ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        if (taken == 0)
        {
            return OrganizationResult.Fail("request", "This request was already answered or has expired.");
        }
        if (approve)
        {
            ConsortiumService.Admit(db, request, caller.Name, now);
        }
        else
        {
            OrganizationAudit.Add(db, request.InvitedOrganizationId!, caller.Name, "consortium/decline", $"request to join network {request.NetworkId} declined", now);
            OrganizationAudit.Add(db, request.OrganizationId, caller.Name, "consortium/decline", $"declined {request.InvitedOrganizationId}'s request to join network {request.NetworkId}", now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (approve)
        {
            await memberAccounts.EnsureAsync(request.NetworkId!, request.InvitedOrganizationId!, ct);
        }
        return OrganizationResult.Ok(request.NetworkId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
