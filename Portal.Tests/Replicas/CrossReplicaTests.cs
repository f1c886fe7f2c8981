using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Live;

namespace NutPortal.Tests.Replicas;

public sealed class CrossReplicaTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    [ReplicaFact]
    public async Task A_hub_client_on_replica_B_receives_a_job_run_that_replica_A_ran()
    {
        await using var connection = LiveHubClient.Connect(replicas.B.Address, replicas.Token);
        var runs = Channel.CreateUnbounded<JsonElement>();
        using var subscription = connection.On<JsonElement>("jobRun", run => runs.Writer.TryWrite(run));
        await connection.StartAsync();
        using var api = replicas.Client(replicas.A);

        var trigger = await api.PostAsync("/api/v1/jobs/metric-rollup/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = await runs.Reader.ReadAsync(timeout.Token);
        Assert.Equal("MetricRollupJob", run.GetProperty("jobName").GetString());
        Assert.Equal("Running", run.GetProperty("outcome").GetString());
        run = await runs.Reader.ReadAsync(timeout.Token);
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
}
