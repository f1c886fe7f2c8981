using System.Net.Http.Headers;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

public sealed class KilledPortalRunTests
{
    [Fact]
    public async Task A_run_cut_off_by_killing_the_portal_ends_as_an_error_with_the_reason_after_a_restart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("nutportal-kill-").FullName;
        var token = "np_test_" + Guid.NewGuid().ToString("N");
        string[] longSteps = ["--Portal:Contracts:Tests:StepGasCap=10000000000"];
        try
        {
            string runId;
            using (var portal = await PortalProcess.StartAsync(dataDirectory, token, longSteps))
            {
                using var client = Client(portal.Address, token);
                var projectId = await CreateProjectAsync(client, TestRunCancelTests.LoopSource);
                var suiteId = await CreateSuiteAsync(client, projectId, TestRunCancelTests.LoopSteps);
                var started = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}/runs", null);
                runId = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                await WaitForRunAsync(client, runId, r => r.GetProperty("status").GetString() == "running" && Outcome(r, 1) == "running", "reach its endless step", 90);

                portal.Kill();
            }

            using var restarted = await PortalProcess.StartAsync(dataDirectory, token, longSteps);
            using var check = Client(restarted.Address, token);
            var run = await WaitForRunAsync(check, runId, Finished, "end after the restart", 30);

            Assert.Equal("error", run.GetProperty("status").GetString());
            Assert.Equal("The portal stopped before this run finished; run the suite again.", run.GetProperty("error").GetString());
            Assert.Equal("passed", Outcome(run, 0));
            Assert.Equal("skipped", Outcome(run, 1));
        }
        finally
        {
            LeftoverProcesses.KillUnder(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
