using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

public sealed class InterruptedRunTests
{
    [Fact]
    public async Task A_run_left_running_when_the_portal_stopped_shows_as_an_error_after_a_restart()
    {
        var first = new PortalFactory();
        string runId;
        using (var admin = first.CreateAdminClient())
        {
            var projectId = await CreateErc20ProjectAsync(admin);
            var suiteId = await CreateSuiteAsync(admin, projectId, new object[] { new { type = "advanceTime", seconds = 1 } });
            runId = Guid.NewGuid().ToString("N");
            // A run as a stopped portal leaves it: marked running, its step never finished.
            var factory = first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            db.ContractTestRuns.Add(new ContractTestRun
            {
                Id = runId, SuiteId = suiteId, ProjectId = projectId, VersionNumber = 1, Status = TestRunStatus.Running, StepsJson = "[]",
                CreatedBy = "test", CreatedAt = DateTime.UtcNow.AddMinutes(-1),
                Steps = [new ContractTestStepResult { RunId = runId, Index = 0, Kind = "advanceTime", Title = "advance", Outcome = TestStepOutcome.Running }],
            });
            await db.SaveChangesAsync();
        }
        using var second = PortalFactory.RestartOf(first);
        await first.DisposeAsync();

        using var client = second.CreateAdminClient();
        var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/test-runs/{runId}");

        Assert.Equal("error", run.GetProperty("status").GetString());
        Assert.Equal("The portal stopped before this run finished; run the suite again.", run.GetProperty("error").GetString());
        Assert.Equal("skipped", Outcome(run, 0));
    }
}
