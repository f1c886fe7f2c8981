namespace NutPortal.Core.Alerts;

/// <summary>An alert changed state (or was acknowledged): the bell and alert pages reload. It goes only to the rule's
/// organization (<paramref name="OrganizationId"/>), even on a consortium network others watch too.</summary>
public sealed record AlertChanged(long AlertId, long RuleId, string NetworkId, AlertState State, string OrganizationId = Organizations.Organization.DefaultId);
