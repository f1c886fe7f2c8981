using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NutPortal.Tests.DappStore;

/// <summary>Publishing through the API: drafts stay with their organization, published DApps show for everyone who can
/// see the network (never for others), only the owner or an Admin changes one, and its page data is complete.</summary>
public sealed class DappApiTests(StoreWorld world) : IClassFixture<StoreWorld>
{
    [Fact]
    public async Task A_published_dapp_shows_its_platform_contract_source_and_a_description_without_scripts()
    {
        var id = await world.DraftAsync($"Nut wallet {Guid.NewGuid():N}"[..24],
            "# Nut\n**Send** tokens.<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>");

        Assert.DoesNotContain(id, await IdsAsync(world.Member.Client, "/api/v1/dapps"));
        Assert.Equal(HttpStatusCode.OK, (await world.Member.Client.GetAsync($"/api/v1/dapps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Developer.Client.PostAsync($"/api/v1/dapps/{id}/publish", null)).StatusCode);

        Assert.Contains(id, await IdsAsync(world.Member.Client, "/api/v1/dapps"));
        var dapp = await world.Member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}");
        Assert.Equal("published", dapp.GetProperty("state").GetString());
        Assert.Equal("ethereum-anvil", dapp.GetProperty("platform").GetString());
        Assert.Equal("dev", dapp.GetProperty("consensus").GetString());
        var html = dapp.GetProperty("descriptionHtml").GetString()!;
        Assert.Contains("<strong>Send</strong>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        var contract = Assert.Single(dapp.GetProperty("contracts").EnumerateArray());
        Assert.Equal(world.TokenAddress, contract.GetProperty("address").GetString());
        Assert.Equal(world.ProjectId, contract.GetProperty("projectId").GetString());
        Assert.Contains("contract Token", string.Concat(contract.GetProperty("sources").EnumerateObject().Select(p => p.Value.GetString())));
        Assert.False(dapp.GetProperty("canManage").GetBoolean());
    }

    [Fact]
    public async Task A_dapp_on_a_network_another_organization_cannot_see_does_not_exist_for_it()
    {
        var id = await world.PublishedAsync($"Hidden {Guid.NewGuid():N}"[..20]);

        Assert.DoesNotContain(id, await IdsAsync(world.Outsider.Client, "/api/v1/dapps"));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.GetAsync($"/api/v1/dapps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.GetAsync($"/api/v1/dapps/{id}/threads")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.PostAsync($"/api/v1/dapps/{id}/unlist", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.PutAsJsonAsync($"/api/v1/dapps/{id}/reviews/mine", new { stars = 1 })).StatusCode);
        // Nor may it list a DApp on that network of its own.
        var foreign = await world.Outsider.Client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name = "Peek", summary = "peek", category = "Tools", networkId = world.NetworkId, contracts = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("No network", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_cannot_edit_publish_or_unlist_another_users_dapp_and_an_admin_can_unlist_it()
    {
        var id = await world.PublishedAsync($"Guarded {Guid.NewGuid():N}"[..20]);
        var edit = new { name = "Mine now", summary = "taken", description = "", category = "Games", networkId = world.NetworkId, contracts = new[] { world.TokenAddress } };

        var put = await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{id}", edit);
        var unlist = await world.Member.Client.PostAsync($"/api/v1/dapps/{id}/unlist", null);
        var icon = await world.Member.Client.PutAsync($"/api/v1/dapps/{id}/icon", new ByteArrayContent(Png));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("owner or an Admin", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, unlist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, icon.StatusCode);
        var dapp = await world.Member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}");
        Assert.NotEqual("Mine now", dapp.GetProperty("name").GetString());
        Assert.Equal("published", dapp.GetProperty("state").GetString());

        using var admin = world.Portal.CreateAdminClient();
        admin.BaseAddress = world.Portal.Address;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/dapps/{id}/unlist", null)).StatusCode);
        Assert.DoesNotContain(id, await IdsAsync(world.Member.Client, "/api/v1/dapps"));
        Assert.Equal("unlisted", (await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_fields_and_bad_icons_are_refused_with_the_field_named()
    {
        var bad = await world.Developer.Client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name = "", summary = new string('s', 300), category = "Casino", networkId = world.NetworkId, contracts = new[] { "0x1234" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "summary", "category", "contracts" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }
        var notDeployed = await world.Developer.Client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name = "Ghost", summary = "s", category = "Tools", networkId = world.NetworkId, contracts = new[] { "0x" + new string('1', 40) },
        });
        Assert.Contains("deployed no contract", await notDeployed.Content.ReadAsStringAsync());

        var id = await world.DraftAsync($"Iconic {Guid.NewGuid():N}"[..20]);
        var svg = await world.Developer.Client.PutAsync($"/api/v1/dapps/{id}/icon", new StringContent("<svg onload=alert(1)></svg>"));
        var huge = await world.Developer.Client.PutAsync($"/api/v1/dapps/{id}/icon", new ByteArrayContent(new byte[70_000]));
        var png = await world.Developer.Client.PutAsync($"/api/v1/dapps/{id}/icon", new ByteArrayContent(Png));

        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Contains("SVG is not accepted", await svg.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, png.StatusCode);
        var served = await world.Member.Client.GetAsync($"/api/v1/dapps/{id}/icon");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_listing_searches_filters_by_category_and_sorts_by_rating()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var low = await world.PublishedAsync($"Sorter low {tag}");
        var high = await world.PublishedAsync($"Sorter high {tag}");
        await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{low}/reviews/mine", new { stars = 2 });
        await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{high}/reviews/mine", new { stars = 5 });

        var byRating = await IdsAsync(world.Member.Client, $"/api/v1/dapps?search={tag}&sort=rating");
        var newest = await IdsAsync(world.Member.Client, $"/api/v1/dapps?search={tag.ToUpperInvariant()}&sort=newest");
        var games = await IdsAsync(world.Member.Client, $"/api/v1/dapps?search={tag}&category=Games");
        var badSort = await world.Member.Client.GetAsync("/api/v1/dapps?sort=loudest");

        Assert.Equal([high, low], byRating);
        Assert.Equal([high, low], newest);
        Assert.Empty(games);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static async Task<List<string>> IdsAsync(HttpClient client, string path)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }
}
