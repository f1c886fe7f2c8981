namespace NutPortal.Core.Jobs;

/// <summary>Where a background job's run stands, as live events and the dashboard summary report it.</summary>
public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}
