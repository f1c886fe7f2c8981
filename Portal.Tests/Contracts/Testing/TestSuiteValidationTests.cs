using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Api;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

public sealed class TestSuiteValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Bad_steps_get_one_error_per_step_and_field()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateErc20ProjectAsync(client);

        var shape = await PostAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Token", args = new[] { "a", "b", "1" } },
            new { type = "send", function = "transfer", from = 12 },
            new { type = "balance", account = 1 },
            new { type = "warp" },
            new { type = "call", function = "totalSupply", expcet = "1" },
        });
        var abi = await PostAsync(client, projectId, new object[]
        {
            new { type = "deploy", contract = "Tokn" },
            new { type = "deploy", contract = "Token", args = new[] { "a", "b" } },
            new { type = "send", function = "trasnfer", args = new[] { "$account1", "1" } },
            new { type = "call", function = "balanceOf", args = new[] { "$nobody" } },
            new { type = "call", function = "totalSupply", expect = "lots" },
            new { type = "event", @event = "Minted" },
        });
        var notJson = await client.PostAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites", new { name = "", steps = "[{\"type\": " });

        Assert.Equal(HttpStatusCode.BadRequest, shape.Status);
        Assert.Equal(["steps[1].from", "steps[2].delta", "steps[3].type", "steps[4].expcet"], shape.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("from 0 to 9", shape.Errors["steps[1].from"], StringComparison.Ordinal);
        Assert.Equal(["steps[0].contract", "steps[1].args", "steps[2].function", "steps[3].args", "steps[4].expect", "steps[5].event"], abi.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("No contract 'Tokn' in this version; it has: Token", abi.Errors["steps[0].contract"], StringComparison.Ordinal);
        Assert.Contains("Expected 3 argument(s)", abi.Errors["steps[1].args"], StringComparison.Ordinal);
        Assert.Contains("No function 'trasnfer' in Token's ABI", abi.Errors["steps[2].function"], StringComparison.Ordinal);
        Assert.Contains("Unknown placeholder $nobody", abi.Errors["steps[3].args"], StringComparison.Ordinal);
        Assert.Contains("uint256", abi.Errors["steps[4].expect"], StringComparison.Ordinal);
        var errors = (await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.StartsWith("Not valid JSON", errors.GetProperty("steps")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{projectId}/test-suites")).EnumerateArray());
    }

    [Fact]
    public async Task A_suite_is_updated_and_deleted_and_unknown_ids_are_404()
    {
        using var client = portal.CreateAdminClient();
        var projectId = await CreateErc20ProjectAsync(client);
        var suiteId = await CreateSuiteAsync(client, projectId, new object[] { new { type = "deploy", contract = "Token", args = new[] { "a", "b", "1" } } });

        var renamed = await client.PutAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}", new { name = "renamed", steps = new object[] { new { type = "advanceTime", seconds = 5 } } });
        var broken = await client.PutAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}", new { name = "renamed", steps = new object[] { new { type = "advanceTime", seconds = -5 } } });
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{projectId}/test-suites/{suiteId}");
        var deleted = await client.DeleteAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("renamed", read.GetProperty("name").GetString());
        Assert.Equal("advanceTime", read.GetProperty("steps")[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/test-runs/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/contracts/nope/test-suites")).StatusCode);
    }

    [Theory]
    [InlineData("Developer", HttpStatusCode.OK)]
    [InlineData("Operator", HttpStatusCode.Forbidden)]
    [InlineData("User", HttpStatusCode.Forbidden)]
    public async Task Only_developers_and_admins_read_and_run_suites(string role, HttpStatusCode expected)
    {
        using var admin = portal.CreateAdminClient();
        var projectId = await CreateErc20ProjectAsync(admin);
        var suiteId = await CreateSuiteAsync(admin, projectId, new object[] { new { type = "advanceTime", seconds = 1 } });
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        (await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Suite-pass-12", roles = new[] { role } })).EnsureSuccessStatusCode();
        using var client = portal.CreateAnonymousClient();
        await SignIn.PostAsync(client, email, "Suite-pass-12");

        var list = await client.GetAsync($"/api/v1/contracts/{projectId}/test-suites");
        var create = await client.PostAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites", new { name = "x", steps = "[]" });
        var run = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}/runs", null);
        var read = await client.GetAsync("/api/v1/test-runs/nope");
        var cancel = await client.PostAsync("/api/v1/test-runs/nope/cancel", null);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateAnonymousClient().GetAsync($"/api/v1/contracts/{projectId}/test-suites")).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Errors)> PostAsync(HttpClient client, string projectId, object steps)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites", new { name = "bad", steps });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => string.Join(" | ", p.Value.EnumerateArray().Select(v => v.GetString())))
            : [];
        return (response.StatusCode, errors);
    }
}
