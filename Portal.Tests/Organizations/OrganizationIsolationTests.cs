using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Organizations;

/// <summary>
/// Two organizations on one portal: each sees only its own networks, traces, projects and rules (404 for the other's,
/// never 403, so existence does not leak); a consortium network is shared, and its nodes stay their owners'.
/// </summary>
public sealed class OrganizationIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Source = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract Counter { uint256 public n; function inc() external { n += 1; } }\n";

    [Fact]
    public async Task A_member_of_another_organization_gets_404_for_every_id_of_ours()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Acme {Guid.NewGuid():N}");
        var b = await Tenants.CreateOrganizationAsync(portal, $"Bolt {Guid.NewGuid():N}");
        using var ownerA = await Tenants.UserAsync(portal, a, "Owner");
        using var outsider = await Tenants.UserAsync(portal, b, "Owner");

        var network = await NetworkApi.CreateAsync(ownerA.Client, new { name = "acme-chain", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        var networkId = network.GetProperty("id").GetString()!;
        var nodeId = NetworkApi.Node(network).GetProperty("id").GetString()!;
        var project = await ownerA.Client.PostAsJsonAsync("/api/v1/contracts", new { name = "acme-counter", source = Source });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var rule = await ownerA.Client.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "acme-stall", networkId, metric = "secondsSinceLastBlock", comparator = ">", threshold = 30, forSeconds = 0, severity = "warning",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var ruleId = (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var hash = "0x" + new string('a', 64);

        string[] reads =
        [
            $"/api/v1/networks/{networkId}", $"/api/v1/networks/{networkId}/deployment", $"/api/v1/networks/{networkId}/audit",
            $"/api/v1/networks/{networkId}/accounts", $"/api/v1/networks/{networkId}/blocks", $"/api/v1/networks/{networkId}/traces",
            $"/api/v1/networks/{networkId}/transactions/{hash}/trace", $"/api/v1/networks/{networkId}/metrics/tps",
            $"/api/v1/networks/{networkId}/nodes/{nodeId}/logs", $"/api/v1/networks/{networkId}/contracts", $"/api/v1/networks/{networkId}/members",
            $"/api/v1/contracts/{projectId}", $"/api/v1/contracts/{projectId}/versions/1", $"/api/v1/contracts/{projectId}/test-suites",
            $"/api/v1/alert-rules/{ruleId}",
        ];
        foreach (var path in reads)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.DeleteAsync($"/api/v1/networks/{networkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsync($"/api/v1/networks/{networkId}/nodes/{nodeId}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.DeleteAsync($"/api/v1/alert-rules/{ruleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/api/v1/contracts/{projectId}/versions", new { source = Source })).StatusCode);
        Assert.DoesNotContain(networkId, await IdsAsync(outsider.Client, "/api/v1/networks"));
        Assert.DoesNotContain(projectId, await IdsAsync(outsider.Client, "/api/v1/contracts"));
        Assert.DoesNotContain(ruleId.ToString(), await IdsAsync(outsider.Client, "/api/v1/alert-rules"));
        // An alert rule on a network one cannot see is refused like a network that does not exist.
        var foreignRule = await outsider.Client.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "peek", networkId, metric = "tps", comparator = ">", threshold = 1, forSeconds = 0, severity = "info",
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreignRule.StatusCode);
        Assert.Contains("existing network", await foreignRule.Content.ReadAsStringAsync());

        // The owning organization reads all of it.
        foreach (var path in reads.Where(p => !p.Contains("/trace", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await ownerA.Client.GetAsync(path)).StatusCode);
        }
        Assert.Contains(networkId, await IdsAsync(ownerA.Client, "/api/v1/networks"));
        Assert.Contains(projectId, await IdsAsync(ownerA.Client, "/api/v1/contracts"));
    }

    [Fact]
    public async Task A_consortium_network_is_seen_by_both_and_each_runs_only_its_own_nodes()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Operator Org {Guid.NewGuid():N}");
        var bName = $"Member Org {Guid.NewGuid():N}";
        var b = await Tenants.CreateOrganizationAsync(portal, bName);
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var memberA = await Tenants.UserAsync(portal, a, "Member");
        using var ownerB = await Tenants.UserAsync(portal, b, "Owner");
        using var operatorB = await Tenants.UserAsync(portal, b, "Operator");

        var network = await NetworkApi.CreateAsync(operatorA.Client, new { name = "shared-chain", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        var networkId = network.GetProperty("id").GetString()!;
        var nodeId = NetworkApi.Node(network).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.Client.GetAsync($"/api/v1/networks/{networkId}")).StatusCode);

        // Only the running organization's Operators invite; a plain Member of it may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await memberA.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/invitations", new { organization = bName })).StatusCode);
        var invited = await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/invitations", new { organization = bName });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var pending = await ownerB.Client.GetFromJsonAsync<JsonElement>("/api/v1/consortium-invitations");
        var invitation = pending.EnumerateArray().Single(i => i.GetProperty("networkId").GetString() == networkId);
        // An Operator of the invited organization may not accept for it; an Owner does.
        var invitationId = invitation.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorB.Client.PostAsync($"/api/v1/consortium-invitations/{invitationId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerB.Client.PostAsync($"/api/v1/consortium-invitations/{invitationId}/accept", null)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await ownerB.Client.PostAsync($"/api/v1/consortium-invitations/{invitationId}/accept", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await operatorB.Client.GetAsync($"/api/v1/networks/{networkId}")).StatusCode);
        Assert.Contains(networkId, await IdsAsync(operatorB.Client, "/api/v1/networks"));
        Assert.Equal(HttpStatusCode.OK, (await operatorB.Client.GetAsync($"/api/v1/networks/{networkId}/traces")).StatusCode);
        var members = await operatorB.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/members");
        Assert.Equal(new HashSet<string?> { a, b }, members.EnumerateArray().Select(m => m.GetProperty("organizationId").GetString()).ToHashSet());

        // B sees A's node but may not run it, nor change or delete A's network.
        var stop = await operatorB.Client.PostAsync($"/api/v1/networks/{networkId}/nodes/{nodeId}/stop", null);
        Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        Assert.Contains("another organization", await stop.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorB.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/settings", new { blockIntervalSeconds = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorB.Client.DeleteAsync($"/api/v1/networks/{networkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.GetAsync($"/api/v1/networks/{networkId}")).StatusCode);

        // B leaves; the network is A's alone again, and both organizations' audit logs say so.
        Assert.Equal(HttpStatusCode.NoContent, (await ownerB.Client.DeleteAsync($"/api/v1/networks/{networkId}/members/{b}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.Client.GetAsync($"/api/v1/networks/{networkId}")).StatusCode);
        var auditB = await ownerB.Client.GetStringAsync($"/api/v1/organizations/{b}/audit");
        Assert.Contains("consortium/join", auditB);
        Assert.Contains("consortium/leave", auditB);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorB.Client.GetAsync($"/api/v1/organizations/{b}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.Client.GetAsync($"/api/v1/organizations/{a}/audit")).StatusCode);
    }

    [Fact]
    public async Task A_member_organization_adds_a_node_of_its_own_to_a_shared_Litecoin_network_and_runs_only_that_one()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Miner Org {Guid.NewGuid():N}");
        var bName = $"Joiner Org {Guid.NewGuid():N}";
        var b = await Tenants.CreateOrganizationAsync(portal, bName);
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var ownerB = await Tenants.UserAsync(portal, b, "Owner", "Operator");
        var created = await NetworkApi.CreateAsync(operatorA.Client, new
        {
            name = "ltc-consortium", platform = "litecoin", nodeCount = 2, consensus = "pow", blockIntervalSeconds = 2, accounts = new { count = 0 },
            litecoin = new { miningNodes = new[] { 1 } },
        });
        var id = created.GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(operatorA.Client, id, n => n.GetProperty("status").GetString() == "Running", TimeSpan.FromSeconds(90), "Running");
        (await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/invitations", new { organization = bName })).EnsureSuccessStatusCode();
        var invitation = (await ownerB.Client.GetFromJsonAsync<JsonElement>("/api/v1/consortium-invitations")).EnumerateArray().Single().GetProperty("id").GetString();
        (await ownerB.Client.PostAsync($"/api/v1/consortium-invitations/{invitation}/accept", null)).EnsureSuccessStatusCode();

        var added = await ownerB.Client.PostAsync($"/api/v1/networks/{id}/nodes", null);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var ownNode = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nodeId").GetString()!;
        var network = await NetworkApi.GetAsync(ownerB.Client, id);
        Assert.Equal(b, NetworkApi.Nodes(network).Single(n => n.GetProperty("id").GetString() == ownNode).GetProperty("organizationId").GetString());
        var operatorsNode = NetworkApi.Node(network).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await ownerB.Client.PostAsync($"/api/v1/networks/{id}/nodes/{operatorsNode}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerB.Client.PostAsync($"/api/v1/networks/{id}/nodes/{ownNode}/stop", null)).StatusCode);
        // The operator runs every node of its network, the member's too.
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.PostAsync($"/api/v1/networks/{id}/nodes/{ownNode}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerB.Client.DeleteAsync($"/api/v1/networks/{id}/nodes/{operatorsNode}")).StatusCode);
    }

    [Fact]
    public async Task A_removed_member_loses_access_on_their_next_request()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Leaver Org {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner", "Developer");
        using var member = await Tenants.UserAsync(portal, org, "Developer");
        // A Developer elsewhere too, so what they lose is this organization, not the contract center as a whole.
        var elsewhere = await Tenants.CreateOrganizationAsync(portal, $"Elsewhere {Guid.NewGuid():N}");
        using var admin = portal.CreateAdminClient();
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{elsewhere}/members", new { email = member.Email, roles = new[] { "Developer" } })).EnsureSuccessStatusCode();
        var project = await owner.Client.PostAsJsonAsync("/api/v1/contracts", new { name = "kept", source = Source });
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/v1/contracts/{projectId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/v1/organizations/{org}/members/{member.Id}")).StatusCode);

        // The membership was cached with the member's last request; the removal drops it at once.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/contracts/{projectId}")).StatusCode);
        Assert.Contains("member/remove", await owner.Client.GetStringAsync($"/api/v1/organizations/{org}/audit"));
    }

    [Fact]
    public async Task The_job_dashboard_listing_every_organizations_jobs_is_closed_to_other_organizations_operators()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Jobs Org {Guid.NewGuid():N}");
        using var tenantOperator = await Tenants.UserAsync(portal, org, "Owner", "Operator");
        using var admin = portal.CreateAdminClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await tenantOperator.Client.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/jobs")).StatusCode);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(e => e.GetProperty("id").ToString())];
}
