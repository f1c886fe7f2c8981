namespace NutPortal.Core.Alerts;

/// <summary>An alert changed state (or was acknowledged): the bell and alert pages reload.</summary>
public sealed record AlertChanged(long AlertId, long RuleId, string NetworkId, AlertState State);
