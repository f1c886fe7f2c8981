using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Outbound;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Alerts;

/// <summary>Creates, changes, silences and deletes alert rules, checking every field (webhook URLs through the outbound guard).</summary>
public sealed class AlertRuleService(IDbContextFactory<PortalDbContext> dbFactory, OutboundGuard guard, TimeProvider clock)
{
    public const int MaxChannels = 10;

    /// <summary>Rules, optionally of one network, of the given organizations (every organization's when null).</summary>
    public async Task<IReadOnlyList<AlertRule>> ListAsync(string? networkId = null, IReadOnlyCollection<string>? organizationIds = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orgs = organizationIds?.ToList();
        return await db.AlertRules.AsNoTracking().Where(r => networkId == null || r.NetworkId == networkId)
            .Where(r => orgs == null || orgs.Contains(r.OrganizationId)).OrderBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<AlertRule?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
    }

    public Task<AlertRuleResult> CreateAsync(AlertRuleInput input, string actor, CancellationToken ct = default) => SaveAsync(null, input, actor, Caller.System, ct);

    /// <summary>Creates a rule of the caller's: on a network they see, owned by the first of its organizations they operate in.</summary>
    public Task<AlertRuleResult> CreateAsync(AlertRuleInput input, Caller caller, CancellationToken ct = default) => SaveAsync(null, input, caller.Name, caller, ct);

    public Task<AlertRuleResult> UpdateAsync(long id, AlertRuleInput input, string actor, CancellationToken ct = default) => SaveAsync(id, input, actor, Caller.System, ct);

    public Task<AlertRuleResult> UpdateAsync(long id, AlertRuleInput input, Caller caller, CancellationToken ct = default) => SaveAsync(id, input, caller.Name, caller, ct);

    public async Task<bool> DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>Silences notifications of the rule for <paramref name="duration"/> (zero lifts the silence).</summary>
    public async Task<AlertRule?> SilenceAsync(long id, TimeSpan duration, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }
        rule.SilencedUntil = duration <= TimeSpan.Zero ? null : clock.GetUtcNow().UtcDateTime + duration;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public static IReadOnlyList<AlertChannel> Channels(AlertRule rule) =>
        JsonSerializer.Deserialize<List<AlertChannel>>(rule.ChannelsJson, JsonSerializerOptions.Web) ?? [];

    private async Task<AlertRuleResult> SaveAsync(long? id, AlertRuleInput input, string actor, Caller caller, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = id is { } existing ? await db.AlertRules.SingleOrDefaultAsync(r => r.Id == existing, ct) : null;
        if (id is not null && rule is null)
        {
            return new AlertRuleResult(null, [], Found: false);
        }
        var errors = new List<ProfileError>();
        var network = string.IsNullOrWhiteSpace(input.NetworkId) ? null
            : await OrganizationAccess.Visible(db, db.Networks, caller).AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == input.NetworkId, ct);
        string? owner = null;
        if (network is not null)
        {
            var members = await db.NetworkMembers.Where(m => m.NetworkId == network.Id).OrderBy(m => m.JoinedAt).Select(m => m.OrganizationId).ToListAsync(ct);
            var organizations = new[] { network.OrganizationId }.Concat(members).ToList();
            // A rule stays its organization's; it may watch only networks that organization takes part in.
            owner = rule is null ? organizations.FirstOrDefault(caller.CanOperateIn) : organizations.Contains(rule.OrganizationId) ? rule.OrganizationId : null;
            Check(errors, owner is null, "networkId", rule is null
                ? "You need the Operator or Owner role in one of this network's organizations to watch it."
                : "A network the rule's organization takes part in.");
        }
        Check(errors, string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100, "name", "A name of 1 to 100 characters.");
        Check(errors, network is null, "networkId", "The id of an existing network.");
        Check(errors, input.NodeId is not null && network is not null && network.Nodes.All(n => n.Id != input.NodeId), "nodeId", "A node of the network, or leave it out for all nodes.");
        var metric = input.Metric is null ? null : Metrics.Find(input.Metric);
        Check(errors, metric is null, "metric", $"One of: {Metrics.NameList}.");
        Check(errors, input.Comparator is null || !Comparators.All.Contains(input.Comparator), "comparator", "One of: >, >=, <, <=, ==.");
        Check(errors, input.Threshold is not { } t || !double.IsFinite(t), "threshold", "A number.");
        Check(errors, input.ForSeconds is < 0 or > 86400, "forSeconds", "0 to 86400 seconds.");
        var severity = ParseSeverity(input.Severity);
        Check(errors, severity is null, "severity", "One of: info, warning, critical.");
        var channels = input.Channels ?? [];
        Check(errors, channels.Count > MaxChannels, "channels", $"At most {MaxChannels} channels.");
        for (var i = 0; i < Math.Min(channels.Count, MaxChannels); i++)
        {
            if (!string.Equals(channels[i].Type, "webhook", StringComparison.Ordinal))
            {
                errors.Add(new ProfileError($"channels[{i}].type", "Supported channel types: webhook."));
            }
            if (await guard.CheckUrlAsync(channels[i].Url, ct) is { } problem)
            {
                errors.Add(new ProfileError($"channels[{i}].url", problem));
            }
        }
        if (errors.Count > 0)
        {
            return new AlertRuleResult(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        rule ??= db.AlertRules.Add(new AlertRule { Name = "", NetworkId = "", Metric = "", Comparator = "", CreatedBy = actor, CreatedAt = now }).Entity;
        rule.Name = input.Name!.Trim();
        rule.NetworkId = network!.Id;
        rule.OrganizationId = owner!;
        rule.NodeId = input.NodeId;
        rule.Metric = metric!.Name;
        rule.Comparator = input.Comparator!;
        rule.Threshold = input.Threshold!.Value;
        rule.ForSeconds = input.ForSeconds ?? 0;
        rule.Severity = severity!.Value;
        rule.ChannelsJson = JsonSerializer.Serialize(channels.Select(c => new AlertChannel(c.Type!, c.Url!)), JsonSerializerOptions.Web);
        rule.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new AlertRuleResult(rule, []);
    }

    private static AlertSeverity? ParseSeverity(string? text) => (text ?? "warning") switch
    {
        "info" => AlertSeverity.Info,
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => null,
    };

    private static void Check(List<ProfileError> errors, bool failed, string field, string message)
    {
        if (failed)
        {
            errors.Add(new ProfileError(field, message));
        }
    }
}
