using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

public sealed class MissingEngineTests
{
    [Fact]
    public async Task A_litecoin_network_without_litecoind_fails_its_start_step_naming_the_install_command()
    {
        await using var portal = new PortalFactory().WithSetting("Portal:Networks:LitecoindPath", "/nonexistent/litecoind");
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "ltc-missing", platform = "litecoin", nodeCount = 2, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;

        var failed = await WaitForAsync(client, id, n => Status(n) == "Failed", TimeSpan.FromSeconds(30), "Failed");

        var steps = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/deployment")).EnumerateArray().ToList();
        var start = steps.Single(s => s.GetProperty("name").GetString() == "start nodes");
        Assert.Equal("Failed", start.GetProperty("status").GetString());
        Assert.Contains("/nonexistent/litecoind is missing", start.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install -y litecoind", start.GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.All(Nodes(failed), n => Assert.Equal("Failed", n.GetProperty("status").GetString()));
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id)));
    }
}
