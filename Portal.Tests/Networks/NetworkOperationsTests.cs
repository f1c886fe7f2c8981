using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

public sealed class NetworkOperationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stop_start_and_upgrade_keep_the_chain_and_are_audited()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("ops-a"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running" && Height(n) >= 2, Deploy, "two blocks");
        var nodeId = Node(running).GetProperty("id").GetString()!;

        var stop = await client.PostAsync($"/api/v1/networks/{id}/nodes/{nodeId}/stop", null);
        var stopped = await GetAsync(client, id);
        var upgrade = await client.PostAsJsonAsync($"/api/v1/networks/{id}/nodes/{nodeId}/upgrade", new { hardfork = "cancun" });
        var upgraded = await GetAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("Stopped", NodeStatus(stopped));
        Assert.Equal("Stopped", Status(stopped));
        Assert.True(upgrade.StatusCode == HttpStatusCode.OK, await upgrade.Content.ReadAsStringAsync());
        Assert.Equal("Up", NodeStatus(upgraded));
        Assert.Equal("cancun", Node(upgraded).GetProperty("hardfork").GetString());
        var afterUpgrade = await WaitForAsync(client, id, n => Height(n) >= Height(running), TimeSpan.FromSeconds(15), "height kept");
        Assert.True(Height(afterUpgrade) >= Height(running));
        var audit = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("stop", audit);
        Assert.Contains("upgrade", audit);
        Assert.All((await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/audit")).EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("actor").GetString())));
    }

    [Fact]
    public async Task Changing_the_block_interval_at_run_time_changes_block_production()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("ops-interval", interval: 1))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");

        var change = await client.PutAsJsonAsync($"/api/v1/networks/{id}/settings", new { blockIntervalSeconds = 0, blockGasLimit = 25_000_000 });
        var frozen = await GetAsync(client, id);
        await Task.Delay(3000);
        var after = await GetAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.InRange(Height(after) - Height(frozen), 0, 1);
        Assert.Equal(0, after.GetProperty("profile").GetProperty("blockIntervalSeconds").GetInt32());
        var bad = await client.PutAsJsonAsync($"/api/v1/networks/{id}/settings", new { blockGasLimit = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("blockGasLimit", out _));
    }

    [Fact]
    public async Task Node_logs_show_the_nodes_own_output()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("ops-logs"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");

        var lines = await client.GetFromJsonAsync<string[]>($"/api/v1/networks/{id}/nodes/{Node(running).GetProperty("id").GetString()}/logs?lines=500");

        Assert.Contains(lines!, l => l.Contains("Listening on 127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kubernetes_manifests_render_the_profiles_hardware()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new { name = "ops-k8s", hardware = new { cpus = 1.5, memoryMb = 2048, diskGb = 20 } })).GetProperty("id").GetString()!;

        var response = await client.GetAsync($"/api/v1/networks/{id}/manifests?target=kubernetes");
        var yaml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        foreach (var expected in new[] { "kind: StatefulSet", "kind: Service", "kind: ConfigMap", "kind: PersistentVolumeClaim", "1500m", "2Gi", "20Gi" })
        {
            Assert.Contains(expected, yaml, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/networks/{id}/manifests?target=nomad")).StatusCode);
    }

    [Fact]
    public async Task A_deployment_that_cannot_start_fails_with_a_hint_and_leaves_nothing_running()
    {
        using var client = portal.CreateAdminClient();

        var id = (await CreateAsync(client, new { name = "ops-no-cluster", driver = "kubernetes" })).GetProperty("id").GetString()!;
        var failed = await WaitForAsync(client, id, n => Status(n) == "Failed", Deploy, "Failed");

        var steps = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/deployment")).EnumerateArray().ToList();
        var broken = steps.Single(s => s.GetProperty("status").GetString() == "Failed");
        Assert.Equal("start nodes", broken.GetProperty("name").GetString());
        Assert.Contains("Portal:Kubernetes:Kubeconfig", broken.GetProperty("message").GetString() + broken.GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.All(steps.SkipWhile(s => s.GetProperty("name").GetString() != "start nodes").Skip(1), s => Assert.Equal("Skipped", s.GetProperty("status").GetString()));
        Assert.NotNull(failed.GetProperty("statusMessage").GetString());
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id)));
    }
}
