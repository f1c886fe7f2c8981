using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Identity;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

public sealed record MemberInvitationView(string OrganizationName, string Email, IReadOnlyList<string> Roles, bool Open, bool HasAccount);

/// <summary>
/// Invitations of people into an organization. An Owner invites an e-mail address with roles and gets a link holding
/// a secret (only its hash is stored); whoever opens it signs in with that address, or signs up with it, and joins.
/// A link is used once and expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class InvitationService(IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users, Live.LiveNotifier notifier, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Creates an invitation; the result's Id is the secret for the link <c>/invitations/{secret}</c>, shown once.</summary>
    public async Task<OrganizationResult> InviteAsync(string organizationId, string? email, IReadOnlyCollection<string>? roles, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin && !caller.IsMember(organizationId))
        {
            return OrganizationResult.NotFound;
        }
        if (!caller.IsOwnerOf(organizationId))
        {
            return OrganizationResult.Refused("Only the organization's Owners invite people.");
        }
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return OrganizationResult.Fail("email", "Enter a valid email address.");
        }
        if (roles is null || roles.Count == 0 || roles.Any(r => !OrgRoles.IsKnown(r)))
        {
            return OrganizationResult.Fail("roles", $"Give one or more of: {string.Join(", ", OrgRoles.All)}.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return OrganizationResult.NotFound;
        }
        var secret = "inv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.Invitations.Add(new Invitation
        {
            Id = OrganizationService.NewId(),
            Kind = InvitationKinds.Member,
            OrganizationId = organizationId,
            Email = email,
            Role = string.Join(",", roles.Distinct()),
            TokenHash = Hash(secret),
            ExpiresAt = Now + Lifetime,
            CreatedBy = caller.Name,
            CreatedAt = Now,
        });
        OrganizationAudit.Add(db, organizationId, caller.Name, "invitation/create", $"{email}: {string.Join(", ", roles.Distinct())}", Now);
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(secret);
    }

    /// <summary>What the link offers, or null for an unknown secret.</summary>
    public async Task<MemberInvitationView?> PreviewAsync(string secret, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindAsync(db, secret, ct);
        if (invitation is null)
        {
            return null;
        }
        var org = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var hasAccount = await users.FindByEmailAsync(invitation.Email!) is not null;
        return new MemberInvitationView(org, invitation.Email!, Roles(invitation), invitation.IsOpen(Now), hasAccount);
    }

    /// <summary>A signed-in user whose address the invitation names joins the organization.</summary>
    public async Task<OrganizationResult> AcceptAsync(string secret, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (invitation, refusal) = await OpenAsync(db, secret, ct);
        if (invitation is null)
        {
            return refusal!;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return OrganizationResult.Refused($"This invitation is for {invitation.Email}; sign in with that address.");
        }
        return await CompleteAsync(db, invitation, user, ct);
    }

    /// <summary>Creates the account the invitation names and joins the organization; nothing is created when it fails.</summary>
    public async Task<OrganizationResult> SignUpAsync(string secret, string? displayName, string? password, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (invitation, refusal) = await OpenAsync(db, secret, ct);
        if (invitation is null)
        {
            return refusal!;
        }
        if (await users.FindByEmailAsync(invitation.Email!) is not null)
        {
            return OrganizationResult.Fail("email", $"An account for {invitation.Email} exists already; sign in to accept.");
        }
        if (string.IsNullOrEmpty(password))
        {
            return OrganizationResult.Fail("password", "Choose a password.");
        }
        var user = new PortalUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = displayName?.Trim() is { Length: > 0 } d ? d : null };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return OrganizationResult.Fail("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Identity.Roles.User);
        var result = await CompleteAsync(db, invitation, user, ct);
        if (!result.Succeeded)
        {
            await users.DeleteAsync(user); // the invitation was taken meanwhile: leave no account behind
        }
        return result.Succeeded ? OrganizationResult.Ok(user.Id) : result;
    }

    private async Task<OrganizationResult> CompleteAsync(PortalDbContext db, Invitation invitation, PortalUser user, CancellationToken ct)
    {
        // Taken once: a second acceptance (another tab, another replica) finds it no longer open.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, Now).SetProperty(i => i.AcceptedBy, user.Email), ct);
        if (taken == 0)
        {
            return OrganizationResult.Fail("invitation", "This invitation was already used or revoked.");
        }
        await OrganizationService.JoinAsync(db, invitation.OrganizationId, user.Id, Roles(invitation), Now, ct);
        OrganizationAudit.Add(db, invitation.OrganizationId, user.Email ?? user.Id, "invitation/accept", $"{user.Email}: {invitation.Role}", Now);
        await db.SaveChangesAsync(ct);
        await db.Users.Where(u => u.Id == user.Id && u.CurrentOrganizationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOrganizationId, invitation.OrganizationId), ct);
        await transaction.CommitAsync(ct);
        await notifier.PublishAsync(new UserSecurityChanged(user.Id));
        return OrganizationResult.Ok(invitation.OrganizationId);
    }

    /// <summary>The open invitation behind a secret, or why there is none (unknown: not found; used, revoked or expired: said so).</summary>
    private async Task<(Invitation? Invitation, OrganizationResult? Refusal)> OpenAsync(PortalDbContext db, string secret, CancellationToken ct)
    {
        var invitation = await FindAsync(db, secret, ct);
        return invitation is null ? (null, OrganizationResult.NotFound)
            : !invitation.IsOpen(Now) ? (null, OrganizationResult.Fail("invitation", "This invitation was already used, revoked or has expired; ask for a new one."))
            : (invitation, null);
    }

    private static async Task<Invitation?> FindAsync(PortalDbContext db, string secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = Hash(secret);
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash && i.Kind == InvitationKinds.Member, ct);
    }

    private static string[] Roles(Invitation invitation) => (invitation.Role ?? OrgRoles.Member).Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
