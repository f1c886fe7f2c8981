using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

public sealed record OrganizationSummary(string Id, string Name, IReadOnlyList<string> MyRoles, int MemberCount, DateTime CreatedAt);

public sealed record MemberSummary(string UserId, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTime JoinedAt);

/// <summary>Organizations and their members: Admins create organizations; an organization's Owners (and Admins) add,
/// change and remove members; anyone may leave. Every change is in the organization's audit log.</summary>
public sealed class OrganizationService(IDbContextFactory<PortalDbContext> dbFactory, Live.LiveNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganizationSummary>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = caller.OrganizationIds.ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => caller.IsAdmin || mine.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
        var counts = await db.OrganizationMembers.GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Select(m => m.UserId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. orgs.Select(o => new OrganizationSummary(o.Id, o.Name, [.. caller.RolesIn(o.Id).Order(StringComparer.Ordinal)], counts.GetValueOrDefault(o.Id), o.CreatedAt))];
    }

    public async Task<OrganizationResult> CreateAsync(string? name, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin)
        {
            return OrganizationResult.Refused("Only portal Admins create organizations.");
        }
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 128)
        {
            return OrganizationResult.Fail("name", "Enter a name of 1 to 128 characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await db.Organizations.Select(o => o.Name).ToListAsync(ct)).Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return OrganizationResult.Fail("name", $"An organization named '{name}' already exists.");
        }
        var org = new Organization { Id = NewId(), Name = name, CreatedBy = caller.Name, CreatedAt = Now };
        db.Organizations.Add(org);
        OrganizationAudit.Add(db, org.Id, caller.Name, "organization/create", $"created '{name}'", Now);
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(org.Id);
    }

    /// <summary>The members of an organization the caller belongs to (or any, for an Admin); null when it does not exist for them.</summary>
    public async Task<IReadOnlyList<MemberSummary>?> MembersAsync(string organizationId, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin && !caller.IsMember(organizationId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return null;
        }
        var rows = await (from m in db.OrganizationMembers.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.OrganizationId == organizationId
                          select new { m.UserId, u.Email, u.DisplayName, m.Role, m.JoinedAt }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.UserId).Select(g => new MemberSummary(g.Key, g.First().Email ?? "", g.First().DisplayName,
            [.. g.Select(r => r.Role).Order(StringComparer.Ordinal)], g.Min(r => r.JoinedAt))).OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Gives an existing user the roles (replacing any they had there). Owners and Admins only; an organization keeps an Owner.</summary>
    public async Task<OrganizationResult> SetMemberAsync(string organizationId, string? email, IReadOnlyCollection<string>? roles, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin && !caller.IsMember(organizationId))
        {
            return OrganizationResult.NotFound;
        }
        if (!caller.IsOwnerOf(organizationId))
        {
            return OrganizationResult.Refused("Only the organization's Owners change its members.");
        }
        if (RoleError(roles) is { } error)
        {
            return error;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return OrganizationResult.NotFound;
        }
        var normalized = email?.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return OrganizationResult.Fail("email", $"No user has the address '{email}'; invite them instead and they join when they sign up.");
        }
        var current = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId).ToListAsync(ct);
        if (current.Any(m => m.Role == OrgRoles.Owner) && !roles!.Contains(OrgRoles.Owner) && await OwnerCountAsync(db, organizationId, ct) <= 1)
        {
            return OrganizationResult.Fail("roles", "This is the organization's last Owner; make another member Owner first.");
        }
        db.OrganizationMembers.RemoveRange(current.Where(m => !roles!.Contains(m.Role)));
        foreach (var role in roles!.Distinct().Where(r => current.All(m => m.Role != r)))
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = userId, Role = role, JoinedAt = Now });
        }
        OrganizationAudit.Add(db, organizationId, caller.Name, current.Count == 0 ? "member/add" : "member/roles",
            $"{email!.Trim()}: {string.Join(", ", roles!.Distinct().Order(StringComparer.Ordinal))}", Now);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new Identity.UserSecurityChanged(userId));
        return OrganizationResult.Ok(userId);
    }

    /// <summary>Removes a member (Owners and Admins), or the caller leaves; the last Owner stays.</summary>
    public async Task<OrganizationResult> RemoveMemberAsync(string organizationId, string userId, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin && !caller.IsMember(organizationId))
        {
            return OrganizationResult.NotFound;
        }
        if (userId != caller.UserId && !caller.IsOwnerOf(organizationId))
        {
            return OrganizationResult.Refused("Only the organization's Owners remove other members.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return OrganizationResult.NotFound;
        }
        if (rows.Any(m => m.Role == OrgRoles.Owner) && await OwnerCountAsync(db, organizationId, ct) <= 1)
        {
            return OrganizationResult.Fail("userId", "This is the organization's last Owner; make another member Owner first.");
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        db.OrganizationMembers.RemoveRange(rows);
        OrganizationAudit.Add(db, organizationId, caller.Name, userId == caller.UserId ? "member/leave" : "member/remove", email ?? userId, Now);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new Identity.UserSecurityChanged(userId));
        return OrganizationResult.Ok();
    }

    /// <summary>Remembers the organization a user works in (the app bar's switch); only one they belong to, or any for an Admin.</summary>
    public async Task<bool> SetCurrentAsync(string organizationId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(caller.IsMember(organizationId) || (caller.IsAdmin && await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))))
        {
            return false;
        }
        await db.Users.Where(u => u.Id == caller.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOrganizationId, organizationId), ct);
        await notifier.PublishAsync(new Identity.UserSecurityChanged(caller.UserId));
        return true;
    }

    /// <summary>Adds a user to an organization with roles, without the Owner check (sign-up through an invitation,
    /// users an Admin creates).</summary>
    internal static async Task JoinAsync(PortalDbContext db, string organizationId, string userId, IEnumerable<string> roles, DateTime now, CancellationToken ct)
    {
        var existing = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId).Select(m => m.Role).ToListAsync(ct);
        foreach (var role in roles.Distinct().Except(existing))
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = userId, Role = role, JoinedAt = now });
        }
    }

    private static OrganizationResult? RoleError(IReadOnlyCollection<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return OrganizationResult.Fail("roles", $"Give at least one role: {string.Join(", ", OrgRoles.All)}.");
        }
        var unknown = roles.Where(r => !OrgRoles.IsKnown(r)).ToList();
        return unknown.Count > 0 ? OrganizationResult.Fail("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", OrgRoles.All)}.") : null;
    }

    private static Task<int> OwnerCountAsync(PortalDbContext db, string organizationId, CancellationToken ct) =>
        db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrgRoles.Owner, ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
