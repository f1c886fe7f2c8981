using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

public sealed record ChannelView(string Id, string Name, string Platform, NetworkStatus Status, IReadOnlyList<string> Organizations, DateTime CreatedAt);

/// <summary>
/// Channels, business isolation inside a consortium as Alibaba Cloud BaaS describes it: a network of its own, deployed
/// by the consortium's operator for some of its member organizations and listed under the consortium. Only those
/// members (and the operator, who runs it) see it; a member that leaves the consortium leaves its channels.
/// </summary>
public sealed class ChannelService(IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, NetworkService networks, TimeProvider clock)
{
    /// <summary>Creates a channel from <paramref name="profile"/>, or from the consortium's own profile under a new name when it is null.</summary>
    public async Task<OrganizationResult> CreateAsync(string consortiumId, string? name, NetworkProfile? profile, IReadOnlyCollection<string>? organizationIds,
        Caller caller, CancellationToken ct = default)
    {
        var grant = await access.NetworkAsync(consortiumId, caller, ct);
        if (grant is null)
        {
            return OrganizationResult.NotFound;
        }
        if (!grant.CanOperate)
        {
            return OrganizationResult.Refused("Only the consortium's operator creates channels.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consortium = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == consortiumId, ct);
        if (consortium.ParentNetworkId is not null)
        {
            return OrganizationResult.Fail("network", "This network is a channel; channels are made under the consortium itself.");
        }
        var chosen = (organizationIds ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            return OrganizationResult.Fail("organizations", "Choose one or more member organizations for the channel.");
        }
        if (chosen.FirstOrDefault(o => !grant.MemberOrganizationIds.Contains(o)) is { } stranger)
        {
            return OrganizationResult.Fail("organizations", $"'{stranger}' is not a member organization of this consortium.");
        }
        profile ??= JsonSerializer.Deserialize<NetworkProfile>(consortium.ProfileJson, JsonSerializerOptions.Web)! with { Name = name ?? "" };
        var result = await networks.CreateAsync(profile, caller.Name, grant.OrganizationId, new ChannelPlacement(consortiumId, chosen), ct);
        if (result.Network is not { } channel)
        {
            return new OrganizationResult(false, true, false, result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var names = await db.Organizations.Where(o => chosen.Contains(o.Id)).Select(o => o.Name).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var org in chosen.Append(grant.OrganizationId))
        {
            OrganizationAudit.Add(db, org, caller.Name, "consortium/channel", $"channel {channel.Name} ({channel.Id}) of network {consortiumId} for {string.Join(", ", names)}", now);
        }
        await db.SaveChangesAsync(ct);
        return OrganizationResult.Ok(channel.Id);
    }

    /// <summary>The consortium's channels the caller may see (a member sees only those it belongs to); null when the consortium is invisible.</summary>
    public async Task<IReadOnlyList<ChannelView>?> ListAsync(string consortiumId, Caller caller, CancellationToken ct = default)
    {
        if (await access.NetworkAsync(consortiumId, caller, ct) is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = await OrganizationAccess.Visible(db, db.Networks, caller).AsNoTracking().Where(n => n.ParentNetworkId == consortiumId)
            .OrderBy(n => n.CreatedAt).Select(n => new { n.Id, n.Name, n.Platform, n.Status, n.CreatedAt }).ToListAsync(ct);
        var ids = channels.Select(c => c.Id).ToList();
        var members = await (from m in db.NetworkMembers
                             join o in db.Organizations on m.OrganizationId equals o.Id
                             where ids.Contains(m.NetworkId)
                             select new { m.NetworkId, o.Name }).ToListAsync(ct);
        return [.. channels.Select(c => new ChannelView(c.Id, c.Name, c.Platform, c.Status,
            [.. members.Where(m => m.NetworkId == c.Id).Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase)], c.CreatedAt))];
    }

    /// <summary>The consortium a channel belongs to, with its name, when the caller may see it.</summary>
    public async Task<(string Id, string Name)?> ConsortiumOfAsync(string networkId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parent = await db.Networks.Where(n => n.Id == networkId).Select(n => n.ParentNetworkId).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            return null;
        }
        var name = await OrganizationAccess.Visible(db, db.Networks, caller).Where(n => n.Id == parent).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : (parent, name);
    }
}
