using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

/// <summary>A portal whose runs may burn 10 billion gas per step: an endless loop keeps anvil busy for many seconds.</summary>
public sealed class LongStepPortalFactory : PortalFactory
{
    public LongStepPortalFactory() => LongSteps(this);

    /// <summary>The settings, for this factory and the real-server one the browser needs.</summary>
    internal static void LongSteps(PortalFactory portal) => portal
        .WithSetting("Portal:Contracts:Tests:StepGasCap", "10000000000")
        .WithSetting("Portal:Contracts:Tests:CancelPollMilliseconds", "100");
}

/// <summary>The same, on a real Kestrel port for the browser.</summary>
public sealed class LongStepRealServerPortalFactory : RealServerPortalFactory
{
    public LongStepRealServerPortalFactory() => LongStepPortalFactory.LongSteps(this);
}

public sealed class TestRunCancelBrowserTests(LongStepRealServerPortalFactory portal) : IClassFixture<LongStepRealServerPortalFactory>
{
    [BrowserFact]
    public async Task The_cancel_button_stops_a_running_run_and_the_page_shows_who_cancelled_it()
    {
        var address = portal.Address;
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var projectId = await CreateProjectAsync(client, TestRunCancelTests.LoopSource);
        await CreateSuiteAsync(client, projectId, TestRunCancelTests.LoopSteps);

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"contracts/{projectId}");
        await browser.ClickAsync("[data-testid=suite-tab][data-name='suite']");
        await browser.ClickAsync("[data-testid=run-suite]");
        await browser.WaitForAsync("[data-testid=test-step][data-index='1'][data-outcome=running]", "attached", 60000);
        await browser.ClickAsync("[data-testid=cancel-run]");
        await browser.WaitForAsync("[data-testid=run-status][data-status=cancelled]", "attached", 30000);

        Assert.Contains(PortalFactory.AdminEmail, await browser.TextAsync("[data-testid=run-cancelled-by]"), StringComparison.Ordinal);
        Assert.StartsWith("Cancelled by", await browser.TextAsync("[data-testid=test-step][data-index='1'] [data-testid=step-message]"), StringComparison.Ordinal);
        Assert.Equal(1, await browser.CountAsync("[data-testid=test-step][data-outcome=skipped]"));
        Assert.Equal(0, await browser.CountAsync("[data-testid=cancel-run]"));
    }
}

public sealed class TestRunCancelTests(LongStepPortalFactory portal) : IClassFixture<LongStepPortalFactory>
{
    internal const string LoopSource = "pragma solidity ^0.8.20;\ncontract Loop { uint256 public n; function spin() external { while (true) { n++; } } }\n";

    internal static readonly object[] LoopSteps =
    [
        new { type = "deploy", contract = "Loop" },
        new { type = "send", function = "spin" },
        new { type = "call", function = "n", expect = "0" },
    ];

    [Fact]
    public async Task A_running_run_is_cancelled_during_its_step_its_node_is_killed_and_a_finished_run_cannot_be_cancelled()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateProjectAsync(client, LoopSource);
        var suiteId = await CreateSuiteAsync(client, projectId, LoopSteps);
        var started = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}/runs", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitForRunAsync(client, runId, run => Outcome(run, 1) == "running", "start step 2", 30);

        var cancel = await client.PostAsync($"/api/v1/test-runs/{runId}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(PortalFactory.AdminEmail, (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelledBy").GetString());
        // The loop alone would keep anvil busy far longer than this wait: the run ends because it was cancelled.
        var ended = await WaitForRunAsync(client, runId, Finished, "end", 30);

        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.Equal(["passed", "error", "skipped"], ended.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.StartsWith($"Cancelled by {PortalFactory.AdminEmail} during this step", Message(ended, 1), StringComparison.Ordinal);
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "contract-tests")));

        var again = await client.PostAsync($"/api/v1/test-runs/{runId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already finished (cancelled)", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/test-runs/nope/cancel", null)).StatusCode);
    }
}
