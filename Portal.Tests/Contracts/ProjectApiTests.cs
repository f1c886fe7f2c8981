using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts;

public sealed class ProjectApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string V1 = "pragma solidity ^0.8.20;\ncontract Store { uint256 public value; function set(uint256 v) external { value = v; } }\n";
    private const string V2 = "pragma solidity ^0.8.20;\ncontract Store { uint256 public value; function set(uint256 v) external { value = v * 2; } function reset() external { value = 0; } }\n";

    [Fact]
    public async Task Every_saved_version_stays_readable_as_it_was()
    {
        using var client = portal.CreateAdminClient();

        var created = await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Store", source = V1 });
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetString()!;
        var second = await client.PostAsJsonAsync($"/api/v1/contracts/{id}/versions", new { source = V2 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var v1 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}/versions/1");
        var v2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}/versions/2");
        Assert.Equal(V1, v1.GetProperty("sources").GetProperty("Contract.sol").GetString());
        Assert.Equal(V2, v2.GetProperty("sources").GetProperty("Contract.sol").GetString());
        Assert.StartsWith("0.8.", v1.GetProperty("compilerVersion").GetString(), StringComparison.Ordinal);
        var abi1 = v1.GetProperty("contracts")[0].GetProperty("abi").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        var abi2 = v2.GetProperty("contracts")[0].GetProperty("abi").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain("reset", abi1);
        Assert.Contains("reset", abi2);
        Assert.Equal(v1.ToString(), (await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}/versions/1")).ToString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal([1, 2], detail.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Sources_that_do_not_compile_are_not_saved()
    {
        using var client = portal.CreateAdminClient();
        var id = (await (await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Broken later", source = V1 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var broken = await client.PostAsJsonAsync($"/api/v1/contracts/{id}/versions", new { source = V1.Replace("value = v;", "value = v", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var diagnostics = (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("diagnostics");
        Assert.Equal(2, diagnostics[0].GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/contracts/{id}/versions/2")).StatusCode);
    }

    [Fact]
    public async Task Unknown_projects_and_versions_are_404_and_a_missing_name_is_400()
    {
        using var client = portal.CreateAdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/contracts/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/contracts/nope/versions/1")).StatusCode);
        var noName = await client.PostAsJsonAsync("/api/v1/contracts", new { source = V1 });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.True((await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }
}
