using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

public sealed class NetworkReadoptionTests
{
    [Fact]
    public async Task A_restarted_portal_re_adopts_the_running_node_and_keeps_supervising_it()
    {
        var first = new PortalFactory();
        string id;
        int pid;
        using (var client = first.CreateAdminClient())
        {
            id = (await CreateAsync(client, Profile("readopt"))).GetProperty("id").GetString()!;
            await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
            pid = Assert.Single(LeftoverProcesses.Under(Path.Combine(first.DataDirectory, "networks", id)));
        }

        using var second = PortalFactory.RestartOf(first);
        await first.DisposeAsync();
        Assert.Equal([pid], LeftoverProcesses.Under(Path.Combine(second.DataDirectory, "networks", id)));
        using var again = second.CreateAdminClient();
        var adopted = await WaitForAsync(again, id, n => NodeStatus(n) == "Up" && Height(n) > 0, TimeSpan.FromSeconds(20), "re-adopted");

        var audit = await WaitForAuditAsync(again, id, "re-adopt", TimeSpan.FromSeconds(10));
        Assert.Contains("re-adopt", audit);
        Assert.Equal("Running", Status(adopted));
        Assert.Equal([pid], LeftoverProcesses.Under(Path.Combine(second.DataDirectory, "networks", id)));
    }
}
