using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Replicas;

/// <summary>
/// Replica A is killed (SIGKILL, with the node processes it started) in the middle of a deployment; another replica,
/// started afterwards on the same PostgreSQL database, gets the job from Hangfire and finishes the deployment.
/// </summary>
public sealed class DeploymentTakeoverTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    private const string Verify = "verify chain id and block production";

    [ReplicaFact]
    public async Task A_deployment_whose_replica_is_killed_mid_way_completes_on_another_replica()
    {
        using var onA = replicas.Client(replicas.A);
        // A 3 s block interval keeps the last step (it waits for a new block) open long enough to kill A inside it.
        var id = (await CreateAsync(onA, Profile("takeover", interval: 3))).GetProperty("id").GetString()!;
        await WaitForStepsAsync(onA, id, steps => steps["fund accounts"] == "Succeeded" && steps[Verify] != "Succeeded", "A to fund the accounts");

        replicas.A.Kill();
        using var other = await replicas.StartAsync("--Portal:Workers:InvisibilityTimeoutSeconds=10");
        using var api = replicas.Client(other);

        var running = await WaitForAsync(api, id, n => Status(n) == "Running", TimeSpan.FromSeconds(120), "the other replica to finish the deployment");
        Assert.Equal("Up", NodeStatus(running));
        // Funding finished on A and was kept: the two accounts were funded once, not again.
        Assert.Equal(2, (await api.GetFromJsonAsync<string[]>($"/api/v1/networks/{id}/accounts"))!.Length);
        async Task<List<string?>> DeployAuditAsync() => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/audit")).EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "deploy").Select(a => a.GetProperty("outcome").GetString()).ToList();
        // The "succeeded" entry is written just after the network shows Running.
        await Eventually.HoldsAsync(async () => (await DeployAuditAsync()).Contains("succeeded"), "the deployment's audit entry");
        Assert.Contains("resumed", await DeployAuditAsync());
        var steps = await StepsAsync(api, id);
        Assert.All(steps.Values, s => Assert.Equal("Succeeded", s));
    }

    private static async Task<Dictionary<string, string>> StepsAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/deployment")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString()!);

    private static async Task WaitForStepsAsync(HttpClient client, string id, Func<Dictionary<string, string>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Dictionary<string, string> steps;
        do
        {
            steps = await StepsAsync(client, id);
            if (condition(steps))
            {
                return;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Waited for {what}: {string.Join(", ", steps.Select(s => $"{s.Key}={s.Value}"))}");
    }
}
