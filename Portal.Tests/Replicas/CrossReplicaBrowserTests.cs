using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Replicas;

/// <summary>
/// A browser on a replica that runs no background work watches a network that replica A supervises: the node A
/// marks down and the alert A fires reach the page live, over Redis, without a reload.
/// </summary>
public sealed class CrossReplicaBrowserTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    [ReplicaFact]
    public async Task A_browser_on_replica_B_sees_live_the_node_that_A_marked_down_and_the_alert_A_fired()
    {
        using var onA = replicas.Client(replicas.A);
        var profile = new { name = "watched-from-b", platform = "ethereum-anvil", blockIntervalSeconds = 1, restartPolicy = "never", accounts = new { count = 1 } };
        var id = (await CreateAsync(onA, profile)).GetProperty("id").GetString()!;
        var nodeId = Node(await WaitForAsync(onA, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running")).GetProperty("id").GetString()!;
        var rule = await onA.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "node down", networkId = id, nodeId, metric = "nodeUp", comparator = "==", threshold = 0, forSeconds = 0, severity = "critical", channels = Array.Empty<object>() });
        rule.EnsureSuccessStatusCode();
        // Serving only, like B; Development so that this process serves the pages' static assets from the build.
        using var viewer = await replicas.StartAsync("--Portal:Workers:Enabled=false", "--environment=Development");

        await using var browser = BrowserSession.Start(viewer.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForTextAsync("[data-testid=node-status]", "Up", 30000);
        Assert.Equal(0, await browser.CountAsync("[data-testid=alert-count]"));
        await browser.EvaluateAsync<object?>("window.__noReload = true");

        KillNode(replicas.A, id);

        await browser.WaitForTextAsync("[data-testid=node-status]", "Down", 30000);
        await browser.WaitForTextAsync("[data-testid=alert-count]", "1", 30000);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
        var audit = (await onA.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString());
        Assert.Contains("node down", audit); // marked down by A's supervisor: the viewer runs none
    }

    private static void KillNode(PortalProcess portal, string networkId)
    {
        var pid = Assert.Single(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", networkId)));
        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }
}
