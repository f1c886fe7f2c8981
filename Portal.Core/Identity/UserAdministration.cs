using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace NutPortal.Core.Identity;

public sealed record UserSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTime CreatedAt);

/// <summary>The outcome of a user-management command: success, or errors keyed by field.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyDictionary<string, string[]> Errors)
{
    public static AdminResult Ok { get; } = new(true, new Dictionary<string, string[]>());

    public static AdminResult Fail(string field, params string[] messages) => new(false, new Dictionary<string, string[]> { [field] = messages });
}

/// <summary>What an Admin does to users: list, create, set roles, unlock. Keeps at least one Admin.</summary>
public sealed class UserAdministration(UserManager<PortalUser> users, IDbContextFactory<Persistence.PortalDbContext> dbFactory, Live.LiveNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var all = await users.Users.AsNoTracking().ToListAsync(ct);
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase))
        {
            result.Add(await SummarizeAsync(user));
        }
        return result;
    }

    public async Task<(AdminResult Result, UserSummary? User)> CreateAsync(string? email, string? password, IReadOnlyCollection<string> roles, string? displayName = null)
    {
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return (AdminResult.Fail("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}."), null);
        }
        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return (AdminResult.Fail("email", "Enter a valid email address."), null);
        }
        if (string.IsNullOrEmpty(password))
        {
            return (AdminResult.Fail("password", "A password is required."), null);
        }
        var user = new PortalUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (FromIdentity(created), null);
        }
        if (roles.Count > 0)
        {
            await users.AddToRolesAsync(user, roles.Distinct());
        }
        await SyncDefaultOrganizationAsync(user.Id, roles, joinIfAbsent: true);
        return (AdminResult.Ok, await SummarizeAsync(user));
    }

    public async Task<AdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return AdminResult.Fail("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("id", "No such user.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return AdminResult.Fail("roles", "This is the last Admin; give another user the Admin role first.");
        }
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current).Distinct()) : removed;
        if (added.Succeeded)
        {
            await SyncDefaultOrganizationAsync(user.Id, roles, joinIfAbsent: false);
        }
        return added.Succeeded ? AdminResult.Ok : FromIdentity(added);
    }

    public async Task<AdminResult> UnlockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("id", "No such user.");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AdminResult.Ok;
    }

    /// <summary>
    /// The users an Admin manages here are the Default organization's: a new user joins it with the organization roles
    /// their portal roles map to, and a role change here changes their roles there (other organizations' roles are
    /// their Owners' to set).
    /// </summary>
    internal async Task SyncDefaultOrganizationAsync(string userId, IReadOnlyCollection<string> roles, bool joinIfAbsent)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Organizations.AnyAsync(o => o.Id == Organizations.Organization.DefaultId))
        {
            return;
        }
        var current = await db.OrganizationMembers.Where(m => m.OrganizationId == Organizations.Organization.DefaultId && m.UserId == userId).ToListAsync();
        if (current.Count == 0 && !joinIfAbsent)
        {
            return;
        }
        var wanted = roles.Select(Organizations.OrgRoles.FromPortalRole).DefaultIfEmpty(Organizations.OrgRoles.Member).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count > 1)
        {
            wanted.Remove(Organizations.OrgRoles.Member);
        }
        // The organization keeps an Owner: the last one is not demoted from here.
        var lastOwner = current.Any(m => m.Role == Organizations.OrgRoles.Owner) &&
            await db.OrganizationMembers.CountAsync(m => m.OrganizationId == Organizations.Organization.DefaultId && m.Role == Organizations.OrgRoles.Owner) <= 1;
        if (lastOwner)
        {
            wanted.Add(Organizations.OrgRoles.Owner);
        }
        db.OrganizationMembers.RemoveRange(current.Where(m => !wanted.Contains(m.Role)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var role in wanted.Where(r => current.All(m => m.Role != r)))
        {
            db.OrganizationMembers.Add(new Organizations.OrganizationMember { OrganizationId = Organizations.Organization.DefaultId, UserId = userId, Role = role, JoinedAt = now });
        }
        Organizations.OrganizationAudit.Add(db, Organizations.Organization.DefaultId, "admin", current.Count == 0 ? "member/add" : "member/roles",
            $"{userId}: {string.Join(", ", wanted.Order(StringComparer.Ordinal))} (from portal roles)", now);
        await db.SaveChangesAsync();
        await notifier.PublishAsync(new UserSecurityChanged(userId));
    }

    private async Task<UserSummary> SummarizeAsync(PortalUser user) => new(
        user.Id,
        user.Email ?? user.UserName ?? "",
        user.DisplayName,
        [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
        user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow,
        user.CreatedAt);

    private static AdminResult FromIdentity(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return new AdminResult(false, errors);
    }
}
