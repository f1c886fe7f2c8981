using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>Contract test runs (Portal:Contracts:Tests).</summary>
public sealed class ContractTestOptions
{
    public const string Section = "Portal:Contracts:Tests";

    /// <summary>Gas limit of every deploy, call and send; a step's own "gas" may only lower it. Bounds an endless loop.</summary>
    [Range(21_000, 10_000_000_000)]
    public long StepGasCap { get; set; } = 30_000_000;

    /// <summary>Wall-clock limit of a run's steps (the node start and compile have their own limits).</summary>
    [Range(1, 3600)]
    public int RunTimeoutSeconds { get; set; } = 120;

    /// <summary>How long the throw-away anvil may take to answer JSON-RPC.</summary>
    [Range(1, 300)]
    public int NodeStartTimeoutSeconds { get; set; } = 30;

    /// <summary>How often a running run checks whether someone asked to cancel it.</summary>
    [Range(50, 10_000)]
    public int CancelPollMilliseconds { get; set; } = 500;

    /// <summary>Runs executing at once (each has its own anvil process); others wait queued.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRuns { get; set; } = 2;
}
