namespace NutPortal.Core.Networks;

public enum StepStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
}

/// <summary>One named step of a network's deployment, with what went wrong and what the operator can do.</summary>
public sealed class DeploymentStep
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public StepStatus Status { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Message { get; set; }

    public string? Hint { get; set; }
}
