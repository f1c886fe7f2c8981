using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Contracts;

public sealed class DeployGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // Sends before it zeroes the balance: reentrancy, a high-severity finding.
    private const string Vulnerable = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;

        contract Bank {
            mapping(address => uint256) public credit;

            function deposit() external payable {
                credit[msg.sender] += msg.value;
            }

            function withdraw() external {
                uint256 amount = credit[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok, "send failed");
                credit[msg.sender] = 0;
            }
        }
        """;

    private static readonly string Fixed = Vulnerable.Replace("""
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok, "send failed");
                credit[msg.sender] = 0;
        """, """
                credit[msg.sender] = 0;
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok, "send failed");
        """, StringComparison.Ordinal);

    [Fact]
    public async Task With_the_gate_on_a_version_with_a_high_finding_is_refused_naming_it_and_the_fixed_version_deploys()
    {
        using var client = portal.CreateAdminClient();
        var network = await RunningAsync(client, "gate");
        var project = await (await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Bank", source = Vulnerable })).Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetString()!;
        Assert.False(project.GetProperty("blockDeployOnHighFindings").GetBoolean());

        // Off by default: the vulnerable version deploys.
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(client, network, id, 1)).StatusCode);

        var settings = await client.PutAsJsonAsync($"/api/v1/contracts/{id}/settings", new { blockDeployOnHighFindings = true });
        Assert.True((await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blockDeployOnHighFindings").GetBoolean());
        var refused = await DeployAsync(client, network, id, 1);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("reentrancy", detail, StringComparison.Ordinal);
        Assert.Contains("line 13", detail, StringComparison.Ordinal);
        var deployed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{network}/contracts");
        Assert.Single(deployed.EnumerateArray());

        var v2 = await client.PostAsJsonAsync($"/api/v1/contracts/{id}/versions", new { source = Fixed });
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        var ok = await DeployAsync(client, network, id, 2);
        Assert.True(ok.StatusCode == HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
    }

    // Inherits Bank from another file of the project: scanning Front.sol alone cannot compile.
    private const string Front = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;

        import "./Bank.sol";

        contract Front is Bank {
            function balanceOf(address who) external view returns (uint256) {
                return credit[who];
            }
        }
        """;

    [Fact]
    public async Task A_multi_file_version_is_scanned_with_its_imports_and_the_gate_names_the_file_of_the_finding()
    {
        using var client = portal.CreateAdminClient();
        var network = await RunningAsync(client, "gate-files");
        var created = await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            name = "Bank files",
            sources = new Dictionary<string, string> { ["Bank.sol"] = Vulnerable, ["Front.sol"] = Front },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await client.PutAsJsonAsync($"/api/v1/contracts/{id}/settings", new { blockDeployOnHighFindings = true });

        var refused = await DeployAsync(client, network, id, 1, "Front");
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("reentrancy", detail, StringComparison.Ordinal);
        Assert.Contains("Bank.sol line 13", detail, StringComparison.Ordinal);

        // The scan the gate judged by covered both files and says where each finding is.
        var scan = await WaitForScanAsync(client, (await (await client.PostAsync($"/api/v1/contracts/{id}/versions/1/scans", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal("completed", scan.GetProperty("status").GetString());
        Assert.Equal(["Bank.sol", "Front.sol"], scan.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        Assert.Contains(scan.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("category").GetString() == "reentrancy" && f.GetProperty("file").GetString() == "Bank.sol" && f.GetProperty("line").GetInt32() == 13);
        Assert.DoesNotContain(scan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("file").GetString() is not ("Bank.sol" or "Front.sol"));

        var v2 = await client.PostAsJsonAsync($"/api/v1/contracts/{id}/versions", new
        {
            sources = new Dictionary<string, string> { ["Bank.sol"] = Fixed, ["Front.sol"] = Front },
        });
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        var ok = await DeployAsync(client, network, id, 2, "Front");
        Assert.True(ok.StatusCode == HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_version_scan_is_recorded_against_the_version_and_the_setting_needs_a_boolean()
    {
        using var client = portal.CreateAdminClient();
        var project = await (await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Bank scan", source = Vulnerable })).Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetString()!;

        var queued = await (await client.PostAsync($"/api/v1/contracts/{id}/versions/1/scans", null)).Content.ReadFromJsonAsync<JsonElement>();
        var scan = await WaitForScanAsync(client, queued.GetProperty("id").GetString()!);

        Assert.Equal("completed", scan.GetProperty("status").GetString());
        Assert.Equal(id, scan.GetProperty("projectId").GetString());
        Assert.Equal(1, scan.GetProperty("versionNumber").GetInt32());
        Assert.Contains(scan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "reentrancy" && f.GetProperty("line").GetInt32() == 13);
        var bad = await client.PutAsJsonAsync($"/api/v1/contracts/{id}/settings", new { });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("blockDeployOnHighFindings", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v1/contracts/nope/settings", new { blockDeployOnHighFindings = true })).StatusCode);
    }

    private static Task<HttpResponseMessage> DeployAsync(HttpClient client, string network, string projectId, int version, string contractName = "Bank") =>
        client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new { projectId, version, contractName });

    private static async Task<JsonElement> WaitForScanAsync(HttpClient client, string scanId)
    {
        JsonElement scan;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            waited += 200;
            scan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scans/{scanId}");
        }
        while (scan.GetProperty("status").GetString() is "queued" or "running" && waited < 60000);
        return scan;
    }

    private static async Task<string> RunningAsync(HttpClient client, string name)
    {
        var id = (await CreateAsync(client, Profile(name))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        return id;
    }
}
