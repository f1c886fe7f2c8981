using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Replicas;

public sealed class CrossReplicaTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    [ReplicaFact]
    public async Task A_hub_client_on_replica_B_receives_a_job_run_that_replica_A_ran()
    {
        using var client = StartHubClient(replicas.B);
        Assert.Equal("connected", await ReadLineAsync(client));
        using var api = replicas.Client(replicas.A);

        var trigger = await api.PostAsync("/api/v1/jobs/metric-rollup/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var run = JsonDocument.Parse(await ReadLineAsync(client)).RootElement;
        Assert.Equal("MetricRollupJob", run.GetProperty("jobName").GetString());
        Assert.Equal("Running", run.GetProperty("outcome").GetString());
        run = JsonDocument.Parse(await ReadLineAsync(client)).RootElement;
        Assert.Equal("Succeeded", run.GetProperty("outcome").GetString());
    }

    [ReplicaFact]
    public async Task A_token_revoked_on_replica_A_is_refused_at_once_by_replica_B_that_had_cached_it()
    {
        using var admin = replicas.Client(replicas.A);
        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "replica" })).Content.ReadFromJsonAsync<JsonElement>();
        using var onB = replicas.Client(replicas.B, created.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await admin.DeleteAsync($"/api/v1/tokens/{created.GetProperty("id").GetString()}");

        // B cached the principal for 30 s: only the revocation crossing on Redis can end it within a moment.
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await Eventually.HoldsAsync(async () => (await onB.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized,
            "Replica B still accepts the token revoked on A.", TimeSpan.FromSeconds(2));
    }

    private Process StartHubClient(PortalProcess portal)
    {
        var psi = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(NodeScript.RepoRoot, "Portal.Tests", "Live", "live-client.mjs"), new Uri(portal.Address, "hubs/live").ToString(), replicas.Token },
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
