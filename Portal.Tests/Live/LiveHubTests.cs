using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Live;

public sealed class LiveHubTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [Fact]
    public async Task An_admin_client_receives_job_runs_pushed_over_the_hub()
    {
        using var client = StartClient(portal.BootstrapToken);
        Assert.Equal("connected", await ReadLineAsync(client));
        using var api = portal.CreateAdminClient();
        api.BaseAddress = portal.Address;

        var trigger = await api.PostAsync("/api/v1/jobs/metric-rollup/trigger", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, trigger.StatusCode);
        var outcomes = new List<string>();
        while (!outcomes.Contains("Succeeded"))
        {
            var run = JsonDocument.Parse(await ReadLineAsync(client)).RootElement;
            Assert.Equal("MetricRollupJob", run.GetProperty("jobName").GetString());
            outcomes.Add(run.GetProperty("outcome").GetString()!);
        }
        Assert.Equal(["Running", "Succeeded"], outcomes);
    }

    [Fact]
    public async Task A_client_without_a_valid_token_is_refused()
    {
        using var client = StartClient("np_not_a_real_token_000000000000");

        var line = await ReadLineAsync(client);

        Assert.StartsWith("refused", line, StringComparison.Ordinal);
    }

    private Process StartClient(string token)
    {
        var psi = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(NodeScript.RepoRoot, "Portal.Tests", "Live", "live-client.mjs"), new Uri(portal.Address, "hubs/live").ToString(), token },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = NodeScript.RepoRoot,
        };
        return Process.Start(psi)!;
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The client exited.");
    }
}
