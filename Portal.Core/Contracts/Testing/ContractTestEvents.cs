namespace NutPortal.Core.Contracts.Testing;

/// <summary>Starts a run in the background (implemented by the workers' scheduler).</summary>
public interface IContractTestQueue
{
    Task EnqueueAsync(string runId, CancellationToken ct);
}

/// <summary>Published when a run starts, a step starts or finishes, and when the run ends.</summary>
public sealed record ContractTestRunChanged(string RunId, string SuiteId, string ProjectId, TestRunStatus Status, int? StepIndex);
