using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Organizations;

/// <summary>
/// Standard mode (a listed consortium other organizations ask to join, its operator answers), members' own funded
/// accounts, and channels (a network of its own for some of the consortium's members, listed under it).
/// </summary>
public sealed class ConsortiumModeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Source = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract Counter { uint256 public n; function inc() external { n += 1; } }\n";

    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_listed_consortium_takes_requests_to_join_and_an_approved_member_gets_its_own_funded_account()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Exchange {Guid.NewGuid():N}");
        var c = await Tenants.CreateOrganizationAsync(portal, $"Carrier {Guid.NewGuid():N}");
        var d = await Tenants.CreateOrganizationAsync(portal, $"Dock {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var ownerC = await Tenants.UserAsync(portal, c, "Owner");
        using var memberC = await Tenants.UserAsync(portal, c, "Member");
        using var ownerD = await Tenants.UserAsync(portal, d, "Owner");
        using var developerC = await Tenants.UserAsync(portal, c, "Developer");

        var created = await NetworkApi.CreateAsync(operatorA.Client, new { name = "trade-chain", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1, balanceEth = 250 } });
        var id = created.GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(operatorA.Client, id, n => NetworkApi.Status(n) == "Running", Deploy, "the network to run");

        // Unlisted: not in the directory, and asking to join it is answered as if it did not exist.
        Assert.DoesNotContain(id, await DirectoryIdsAsync(ownerC.Client));
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.PutAsJsonAsync($"/api/v1/networks/{id}/listing", new { listed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/listing", new { listed = true })).StatusCode);
        Assert.Contains(id, await DirectoryIdsAsync(ownerC.Client));
        // Listing shows the consortium's name, not its insides.
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.GetAsync($"/api/v1/networks/{id}")).StatusCode);

        // Only an Owner asks for an organization; an over-long message is refused by name.
        Assert.Equal(HttpStatusCode.Forbidden, (await memberC.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { })).StatusCode);
        var tooLong = await ownerC.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { message = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("message", await tooLong.Content.ReadAsStringAsync());
        var asked = await ownerC.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { message = "We carry the goods." });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var again = await ownerC.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { });
        Assert.Contains("asked already", await again.Content.ReadAsStringAsync());
        Assert.Equal("requested", (await DirectoryAsync(ownerC.Client)).Single(e => e.GetProperty("networkId").GetString() == id).GetProperty("currentOrganizationState").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ownerD.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { })).StatusCode);

        // The operator sees both requests; the requesters do not read the operator's list.
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.GetAsync($"/api/v1/networks/{id}/join-requests")).StatusCode);
        var requests = (await operatorA.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/join-requests")).EnumerateArray().ToList();
        var fromC = requests.Single(r => r.GetProperty("organizationId").GetString() == c);
        Assert.Equal("We carry the goods.", fromC.GetProperty("message").GetString());
        var fromD = requests.Single(r => r.GetProperty("organizationId").GetString() == d);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.PostAsync($"/api/v1/join-requests/{fromC.GetProperty("id").GetString()}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.PostAsync($"/api/v1/join-requests/{fromC.GetProperty("id").GetString()}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorA.Client.PostAsync($"/api/v1/join-requests/{fromC.GetProperty("id").GetString()}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.PostAsync($"/api/v1/join-requests/{fromD.GetProperty("id").GetString()}/decline", null)).StatusCode);

        // C is in and has its own account, funded with the profile's balance; D is not.
        Assert.Equal(HttpStatusCode.OK, (await memberC.Client.GetAsync($"/api/v1/networks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerD.Client.GetAsync($"/api/v1/networks/{id}")).StatusCode);
        var accounts = await memberC.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/member-accounts");
        var address = accounts.GetProperty(c).GetString()!;
        var operatorAccounts = await operatorA.Client.GetFromJsonAsync<string[]>($"/api/v1/networks/{id}/accounts");
        Assert.DoesNotContain(address, operatorAccounts!, StringComparer.OrdinalIgnoreCase);
        var network = await NetworkApi.GetAsync(operatorA.Client, id);
        Assert.Equal(250m * 1_000_000_000_000_000_000m, await BalanceAsync(NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!, address));

        // C's developers deploy with C's account, not the operator's.
        var rpcUrl = NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!;
        var deployed = await developerC.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts", new { source = Source, contractName = "Counter" });
        var deployedBody = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, deployedBody.ToString());
        var sender = await RpcAsync(rpcUrl, "eth_getTransactionByHash", deployedBody.GetProperty("transactionHash").GetString()!);
        Assert.Equal(address, sender.GetProperty("from").GetString(), ignoreCase: true);

        // So do its operators' workloads.
        var workload = await ownerC.Client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "transfer", ratePerSecond = 3, durationSeconds = 1 });
        Assert.Equal(HttpStatusCode.Accepted, workload.StatusCode);
        var workloadId = (await workload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var report = await WaitAsync(async () => await ownerC.Client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{workloadId}"),
            w => w.GetProperty("status").GetString() != "running", "the workload to finish");
        Assert.True(report.GetProperty("status").GetString() == "completed", report.ToString());
        var nonce = (await RpcAsync(rpcUrl, "eth_getTransactionCount", address, "latest")).GetString()!;
        Assert.True(Convert.ToInt64(nonce, 16) >= 3, $"C's account sent {nonce} transactions: the deploy and the workload's transfers");

        var auditC = await ownerC.Client.GetStringAsync($"/api/v1/organizations/{c}/audit");
        Assert.Contains("consortium/request", auditC);
        Assert.Contains("consortium/join", auditC);
        Assert.Contains("consortium/decline", await ownerD.Client.GetStringAsync($"/api/v1/organizations/{d}/audit"));
        Assert.Contains("consortium/list", await portal.CreateAdminClient().GetStringAsync($"/api/v1/organizations/{a}/audit"));

        // The operator gives its node (on Neo: a consensus seat) to C, whose operators then run it; D, not a member, cannot have it.
        var nodeId = NetworkApi.Node(network).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerC.Client.PostAsync($"/api/v1/networks/{id}/nodes/{nodeId}/restart", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerC.Client.PutAsJsonAsync($"/api/v1/networks/{id}/nodes/{nodeId}/organization", new { organizationId = c })).StatusCode);
        var notMember = await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/nodes/{nodeId}/organization", new { organizationId = d });
        Assert.Contains("not a member organization", await notMember.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/nodes/{nodeId}/organization", new { organizationId = c })).StatusCode);
        Assert.Equal(c, NetworkApi.Node(await NetworkApi.GetAsync(ownerC.Client, id)).GetProperty("organizationId").GetString());
        Assert.True((await ownerC.Client.PostAsync($"/api/v1/networks/{id}/nodes/{nodeId}/restart", null)).IsSuccessStatusCode);
        Assert.Contains("consortium/node", await ownerC.Client.GetStringAsync($"/api/v1/organizations/{c}/audit"));

        // Taken off the directory, it takes no more requests.
        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/listing", new { listed = false })).StatusCode);
        Assert.DoesNotContain(id, await DirectoryIdsAsync(ownerD.Client));
        Assert.Equal(HttpStatusCode.NotFound, (await ownerD.Client.PostAsJsonAsync($"/api/v1/consortia/{id}/join-requests", new { })).StatusCode);
    }

    [Fact]
    public async Task A_channel_runs_for_the_chosen_members_only_and_is_listed_under_its_consortium()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Bank {Guid.NewGuid():N}");
        var bName = $"Buyer {Guid.NewGuid():N}";
        var b = await Tenants.CreateOrganizationAsync(portal, bName);
        var cName = $"Seller {Guid.NewGuid():N}";
        var c = await Tenants.CreateOrganizationAsync(portal, cName);
        var outsiderOrg = await Tenants.CreateOrganizationAsync(portal, $"Outsider {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var ownerB = await Tenants.UserAsync(portal, b, "Owner");
        using var ownerC = await Tenants.UserAsync(portal, c, "Owner");

        var consortium = await NetworkApi.CreateAsync(operatorA.Client, new { name = "trade-finance", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        var consortiumId = consortium.GetProperty("id").GetString()!;
        await JoinAsync(operatorA, consortiumId, bName, ownerB);
        await JoinAsync(operatorA, consortiumId, cName, ownerC);

        // Only the operator makes channels, and only for the consortium's members.
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerB.Client.PostAsJsonAsync($"/api/v1/networks/{consortiumId}/channels", new { name = "b-only", organizations = new[] { b } })).StatusCode);
        var stranger = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{consortiumId}/channels", new { name = "odd", organizations = new[] { b, outsiderOrg } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("not a member organization", await stranger.Content.ReadAsStringAsync());
        var empty = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{consortiumId}/channels", new { name = "nobody", organizations = Array.Empty<string>() });
        Assert.Contains("one or more member organizations", await empty.Content.ReadAsStringAsync());
        var badName = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{consortiumId}/channels", new { name = "", organizations = new[] { b } });
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("name", await badName.Content.ReadAsStringAsync());

        var made = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{consortiumId}/channels", new { name = "letters-of-credit", organizations = new[] { b } });
        Assert.Equal(HttpStatusCode.Accepted, made.StatusCode);
        var channelId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("networkId").GetString()!;
        var channel = await NetworkApi.WaitForAsync(ownerB.Client, channelId, n => NetworkApi.Status(n) == "Running", Deploy, "the channel to run");
        Assert.Equal(consortiumId, channel.GetProperty("parentNetworkId").GetString());
        Assert.Equal("ethereum-anvil", channel.GetProperty("platform").GetString());

        // B sees it under the consortium; C, also a member of the consortium, does not know it exists.
        Assert.Equal(new[] { channelId }, await ChannelIdsAsync(ownerB.Client, consortiumId));
        Assert.Equal(new[] { channelId }, await ChannelIdsAsync(operatorA.Client, consortiumId));
        Assert.Empty(await ChannelIdsAsync(ownerC.Client, consortiumId));
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.GetAsync($"/api/v1/networks/{channelId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerC.Client.GetAsync($"/api/v1/networks/{channelId}/blocks")).StatusCode);
        Assert.Contains("consortium/channel", await ownerB.Client.GetStringAsync($"/api/v1/organizations/{b}/audit"));
        // Only the consortium's members can be invited into a channel.
        var outsiderInvite = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{channelId}/invitations", new { organization = (await OrganizationNameAsync(outsiderOrg)) });
        Assert.Contains("not a member of this channel's consortium", await outsiderInvite.Content.ReadAsStringAsync());

        // The consortium cannot be deleted from under its channel.
        var refused = await operatorA.Client.DeleteAsync($"/api/v1/networks/{consortiumId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("channels", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.GetAsync($"/api/v1/networks/{consortiumId}")).StatusCode);

        // B leaves the consortium and with it the channel.
        Assert.Equal(HttpStatusCode.NoContent, (await ownerB.Client.DeleteAsync($"/api/v1/networks/{consortiumId}/members/{b}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerB.Client.GetAsync($"/api/v1/networks/{channelId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.DeleteAsync($"/api/v1/networks/{channelId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorA.Client.DeleteAsync($"/api/v1/networks/{consortiumId}")).StatusCode);
    }

    private static async Task<JsonElement> WaitAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Waited 60 s for {what}: {value}");
            await Task.Delay(250);
        }
    }

    private static async Task JoinAsync(TenantUser operatorUser, string networkId, string organizationName, TenantUser owner)
    {
        var invited = await operatorUser.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/invitations", new { organization = organizationName });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync($"/api/v1/consortium-invitations/{invitationId}/accept", null)).StatusCode);
    }

    private async Task<string> OrganizationNameAsync(string id)
    {
        using var admin = portal.CreateAdminClient();
        var orgs = await admin.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        return orgs.EnumerateArray().Single(o => o.GetProperty("id").GetString() == id).GetProperty("name").GetString()!;
    }

    private static async Task<List<string>> ChannelIdsAsync(HttpClient client, string consortiumId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{consortiumId}/channels")).EnumerateArray().Select(ch => ch.GetProperty("id").GetString()!)];

    private static async Task<List<JsonElement>> DirectoryAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/consortia")).EnumerateArray()];

    private static async Task<List<string>> DirectoryIdsAsync(HttpClient client) =>
        [.. (await DirectoryAsync(client)).Select(e => e.GetProperty("networkId").GetString()!)];

    private static async Task<decimal> BalanceAsync(string rpcUrl, string address)
    {
        var hex = (await RpcAsync(rpcUrl, "eth_getBalance", address, "latest")).GetString()!;
        return (decimal)System.Numerics.BigInteger.Parse("0" + hex[2..], System.Globalization.NumberStyles.HexNumber);
    }

    private static async Task<JsonElement> RpcAsync(string rpcUrl, string method, params string[] parameters)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
    }
}
