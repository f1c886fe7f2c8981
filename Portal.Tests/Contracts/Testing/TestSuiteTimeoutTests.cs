using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

/// <summary>
/// A portal whose runs may burn 4 billion gas per step (anvil needs several seconds for that) but only run for
/// 3 s: an endless loop then hits the wall-clock limit before the gas cap.
/// </summary>
public sealed class SlowLoopPortalFactory : PortalFactory
{
    public SlowLoopPortalFactory()
    {
        WithSetting("Portal:Contracts:Tests:StepGasCap", "4000000000");
        WithSetting("Portal:Contracts:Tests:RunTimeoutSeconds", "3");
    }
}

public sealed class TestSuiteTimeoutTests(SlowLoopPortalFactory portal) : IClassFixture<SlowLoopPortalFactory>
{
    [Fact]
    public async Task A_run_past_its_time_limit_is_stopped_reported_as_timed_out_and_its_node_is_killed()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateProjectAsync(client, "pragma solidity ^0.8.20;\ncontract Loop { uint256 public n; function spin() external { while (true) { n++; } } }\n");
        var suiteId = await CreateSuiteAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Loop" },
            new { type = "send", function = "spin" },
            new { type = "call", function = "n", expect = "0" },
        });

        var run = await RunAsync(client, projectId, suiteId);

        Assert.Equal("error", run.GetProperty("status").GetString());
        Assert.Equal(["passed", "error", "skipped"], run.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.StartsWith("Timed out: the run passed its 3 s limit during this step", Message(run, 1), StringComparison.Ordinal);
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "contract-tests")));
    }
}
