using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Networks;

public sealed class NetworkValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_invalid_profile_is_rejected_with_an_error_per_field()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/v1/networks", new
        {
            name = "",
            platform = "ethereum-anvil",
            nodeCount = 3,
            blockIntervalSeconds = -5,
            blockGasLimit = 10,
            chainId = 0,
            hardfork = "frontier",
            driver = "docker",
            accounts = new { count = 500, balanceEth = -1 },
            hardware = new { cpus = 0, memoryMb = 1, diskGb = 0 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "nodeCount", "blockIntervalSeconds", "blockGasLimit", "chainId", "hardfork", "driver", "accounts.count", "accounts.balanceEth", "hardware.cpus", "hardware.memoryMb", "hardware.diskGb" }, fields);
        Assert.Contains("one node", errors.GetProperty("nodeCount")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("between 0 and 3600", errors.GetProperty("blockIntervalSeconds")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await client.GetFromJsonAsync<JsonElement[]>("/api/v1/networks") ?? [], n => n.GetProperty("name").GetString() == "");
    }

    [Fact]
    public async Task A_duplicate_name_is_rejected_whatever_its_case()
    {
        using var client = portal.CreateAdminClient();
        var first = await client.PostAsJsonAsync("/api/v1/networks", new { name = "Shared Name", accounts = new { count = 0 } });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var second = await client.PostAsJsonAsync("/api/v1/networks", new { name = "shared name" });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var errors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("already exists", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_platform_is_named_with_the_available_ones()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/v1/networks", new { name = "x", platform = "hyperledger-fabric" });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("ethereum-anvil", errors.GetProperty("platform")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_given_as_text_names_the_field()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.PostAsync("/api/v1/networks", new StringContent("{\"name\":\"x\",\"chainId\":\"lots\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("$.chainId", out _));
    }

    [Fact]
    public async Task The_platforms_list_says_anvil_runs_one_node()
    {
        using var client = portal.CreateAdminClient();

        var platforms = await client.GetFromJsonAsync<JsonElement>("/api/v1/platforms");

        var anvil = platforms.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ethereum-anvil");
        var caps = anvil.GetProperty("capabilities");
        Assert.Equal(1, caps.GetProperty("nodeCount").GetProperty("max").GetInt32());
        Assert.Contains("exactly one node", caps.GetProperty("nodeCountNote").GetString(), StringComparison.Ordinal);
        Assert.Contains("prague", caps.GetProperty("hardforks").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task A_developer_can_list_networks_but_not_create_them()
    {
        using var admin = portal.CreateAdminClient();
        var email = $"dev-{Guid.NewGuid():N}@example.test";
        await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Developer-pass-1", roles = new[] { "Developer" } });
        using var developer = portal.CreateAnonymousClient();
        await NutPortal.Tests.Api.SignIn.PostAsync(developer, email, "Developer-pass-1");

        Assert.Equal(HttpStatusCode.OK, (await developer.GetAsync("/api/v1/networks")).StatusCode);
        var create = await developer.PostAsJsonAsync("/api/v1/networks", new { name = "not-allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }
}
