using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Live;

public sealed class LiveHubTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [Fact]
    public async Task An_admin_client_receives_job_runs_pushed_over_the_hub()
    {
        await using var connection = Connect(portal.BootstrapToken);
        var runs = Channel.CreateUnbounded<JsonElement>();
        using var subscription = connection.On<JsonElement>("jobRun", run => runs.Writer.TryWrite(run));
        await connection.StartAsync();
        using var api = portal.CreateAdminClient();
        api.BaseAddress = portal.Address;

        var trigger = await api.PostAsync("/api/v1/jobs/metric-rollup/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var outcomes = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!outcomes.Contains("Succeeded"))
        {
            var run = await runs.Reader.ReadAsync(timeout.Token);
            Assert.Equal("MetricRollupJob", run.GetProperty("jobName").GetString());
            outcomes.Add(run.GetProperty("outcome").GetString()!);
        }
        Assert.Equal(["Running", "Succeeded"], outcomes);
    }

    [Fact]
    public async Task A_client_without_a_valid_token_is_refused()
    {
        await using var connection = Connect("np_not_a_real_token_000000000000");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    private HubConnection Connect(string token) => LiveHubClient.Connect(portal.Address, token);
}
