using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

/// <summary>Suites run end to end: real solc, a real throw-away anvil per run, results read back through the API.</summary>
public sealed class TestSuiteRunTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Loop = """
        pragma solidity ^0.8.20;
        contract Loop {
            uint256 public n;
            function spin() external { while (true) { n++; } }
            function spinView() external view returns (uint256 x) { while (true) { x++; } }
        }
        """;

    [Fact]
    public async Task The_erc20_template_suite_runs_green_and_its_node_is_gone_afterwards()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateErc20ProjectAsync(client);
        var created = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/from-template", null);
        var suiteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var run = await RunAsync(client, projectId, suiteId);

        Assert.True(run.GetProperty("status").GetString() == "passed", run.ToString());
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.True(steps.Count >= 10);
        Assert.All(steps, s => Assert.Equal("passed", s.GetProperty("outcome").GetString()));
        var transfer = steps.First(s => s.GetProperty("kind").GetString() == "send");
        Assert.InRange(transfer.GetProperty("gasUsed").GetInt64(), 21_000, 100_000);
        Assert.Contains(steps, s => s.GetProperty("message").GetString()!.Contains("As expected, it reverted: balance too low", StringComparison.Ordinal));
        Assert.Equal(1, run.GetProperty("version").GetInt32());
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "contract-tests")));
    }

    [Theory]
    [InlineData("erc721")]
    [InlineData("voting")]
    [InlineData("escrow")]
    [InlineData("multisig")]
    [InlineData("htlc")]
    [InlineData("oracle")]
    [InlineData("iot")]
    [InlineData("http-consumer")]
    public async Task Every_template_comes_with_a_suite_that_runs_green_on_it(string templateId)
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateProjectAsync(client, ContractTemplates.Find(templateId)!.Source, templateId);
        var created = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/from-template", null);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var suiteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var run = await RunAsync(client, projectId, suiteId);

        Assert.True(run.GetProperty("status").GetString() == "passed", run.ToString());
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.True(steps.Count >= 10, $"{steps.Count} steps");
        Assert.Contains(steps, s => s.GetProperty("message").GetString()!.StartsWith("As expected, it reverted", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.GetProperty("kind").GetString() == "event");
    }

    [Fact]
    public async Task A_failing_expectation_is_reported_on_its_step_and_later_steps_are_skipped()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateErc20ProjectAsync(client);
        var suiteId = await CreateSuiteAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Token", args = new[] { "Nut", "NUT", "1000" } },
            new { type = "send", function = "transfer", args = new[] { "$account1", "10" } },
            new { type = "call", function = "balanceOf", args = new[] { "$account1" }, expect = "11" },
            new { type = "call", function = "totalSupply", expect = "1000" },
        });

        var run = await RunAsync(client, projectId, suiteId);

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(["passed", "passed", "failed", "skipped"], run.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.Equal("balanceOf returned 10; value: expected 11, got 10.", Message(run, 2));
    }

    [Fact]
    public async Task An_endless_loop_runs_out_of_the_step_gas_cap_and_the_node_is_stopped()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateProjectAsync(client, Loop);
        var suiteId = await CreateSuiteAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Loop" },
            new { type = "send", function = "spin", expectRevert = "out of gas" },
            new { type = "send", function = "spin", gas = 1_000_000 },
            new { type = "call", function = "spinView" },
        });

        var run = await RunAsync(client, projectId, suiteId);

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("passed", Outcome(run, 1));
        Assert.Equal(30_000_000, Step(run, 1).GetProperty("gasUsed").GetInt64());
        Assert.Equal("failed", Outcome(run, 2));
        Assert.Equal("spin ran out of gas (used all 1,000,000 gas of the step's cap).", Message(run, 2));
        Assert.Equal(1_000_000, Step(run, 2).GetProperty("gasUsed").GetInt64());
        Assert.Equal("skipped", Outcome(run, 3));
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "contract-tests")));
    }

    [Fact]
    public async Task A_reading_loop_runs_out_of_gas_and_an_unexpected_revert_names_its_reason()
    {
        using var client = portal.CreateAdminClient();
        var loopProject = await CreateProjectAsync(client, Loop);
        var loopSuite = await CreateSuiteAsync(client, loopProject, new object[] { new { type = "deploy", contract = "Loop" }, new { type = "call", function = "spinView" } });
        var tokenProject = await CreateErc20ProjectAsync(client);
        var tokenSuite = await CreateSuiteAsync(client, tokenProject, new object[]
        {
            new { type = "deploy", contract = "Token", args = new[] { "Nut", "NUT", "5" } },
            new { type = "send", function = "transfer", args = new[] { "$account1", "6" } },
        });

        var loop = await RunAsync(client, loopProject, loopSuite);
        var token = await RunAsync(client, tokenProject, tokenSuite);

        Assert.Equal("spinView ran out of gas (used all 30,000,000 gas of the step's cap).", Message(loop, 1));
        Assert.Equal("transfer reverted: balance too low.", Message(token, 1));
        Assert.Equal("failed", Outcome(token, 1));
    }

    [Fact]
    public async Task Events_balances_and_time_are_checked_against_the_chain()
    {
        const string vault = """
            pragma solidity ^0.8.20;
            contract Vault {
                event Deposited(address indexed who, uint256 amount);
                uint256 public unlockAt;
                constructor() { unlockAt = block.timestamp + 1 days; }
                function deposit() external payable { emit Deposited(msg.sender, msg.value); }
                function withdraw() external { require(block.timestamp >= unlockAt, "still locked"); payable(msg.sender).transfer(address(this).balance); }
            }
            """;
        using var client = portal.CreateAdminClient();
        var projectId = await CreateProjectAsync(client, vault);
        var suiteId = await CreateSuiteAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Vault", @as = "vault" },
            new { type = "send", function = "deposit", value = "1000000000000000000", from = 2 },
            new { type = "event", @event = "Deposited", args = new { who = "$account2", amount = "1000000000000000000" } },
            new { type = "balance", account = 2, delta = "-1000000000000000000" },
            new { type = "balance", account = "$vault", delta = "1000000000000000000" },
            new { type = "send", function = "withdraw", from = 2, expectRevert = "still locked" },
            new { type = "advanceTime", seconds = 86_400 },
            new { type = "send", function = "withdraw", from = 2 },
            new { type = "balance", account = "$account2", delta = "1000000000000000000" },
            new { type = "event", @event = "Deposited" },
        });

        var run = await RunAsync(client, projectId, suiteId);

        Assert.Equal(Enumerable.Repeat("passed", 9), run.GetProperty("steps").EnumerateArray().Take(9).Select(s => s.GetProperty("outcome").GetString()));
        Assert.Equal("failed", Outcome(run, 9));
        Assert.StartsWith("The last transaction did not emit Deposited; it emitted no events", Message(run, 9), StringComparison.Ordinal);
    }
}
