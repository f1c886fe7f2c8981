using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Wallets;

/// <summary>Wallet accounts through the API: keystores checked both ways against ethers, hostile files, and owner checks.</summary>
public sealed class WalletKeystoreTests(WalletPortalFactory portal) : IClassFixture<WalletPortalFactory>
{
    [Fact]
    public async Task A_keystore_made_by_ethers_imports_and_the_keystore_the_portal_exports_opens_in_ethers()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Keystores {Guid.NewGuid():N}");
        using var user = await Tenants.UserAsync(portal, org, "Member");
        using var original = PrivateKey.Generate();
        var keyHex = NutPortal.Core.Ethereum.Hex.Encode(original.ExportBytes());
        var made = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keystore.mjs", new JsonObject
        {
            ["make"] = new JsonArray(new JsonObject { ["key"] = keyHex, ["password"] = "ethers pass ✓", ["n"] = 1 << 12 }),
            ["open"] = new JsonArray(),
        }.ToJsonString()))!["made"]![0]!.GetValue<string>();

        var wrong = await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore", new { name = "from ethers", keystore = made, password = "not it" });
        var wrongBody = await WalletApi.ReadAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("Wrong password", wrongBody.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);

        // The file may be sent as its text or as the JSON object itself.
        var imported = await WalletApi.ReadAsync(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore",
            new { name = "from ethers", keystore = JsonNode.Parse(made), password = "ethers pass ✓" }), HttpStatusCode.Created);
        Assert.Equal(original.Address.ToString(), imported.GetProperty("address").GetString());
        Assert.Equal("ImportedKeystore", imported.GetProperty("origin").GetString());
        var again = await user.Client.PostAsJsonAsync("/api/v1/wallets/import-key", new { privateKey = keyHex });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var id = imported.GetProperty("id").GetInt64();
        var shortPassword = await user.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/export", new { password = "short" });
        Assert.Contains("at least 8", (await WalletApi.ReadAsync(shortPassword, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var exported = await (await user.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/export", new { password = "portal export ✓" })).Content.ReadAsStringAsync();
        var opened = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keystore.mjs", new JsonObject
        {
            ["make"] = new JsonArray(),
            ["open"] = new JsonArray(new JsonObject { ["json"] = exported, ["password"] = "portal export ✓" }, new JsonObject { ["json"] = exported, ["password"] = "wrong" }),
        }.ToJsonString()))!["opened"]!;
        Assert.Equal(original.Address.ToString(), opened[0]!["address"]!.GetValue<string>());
        Assert.Equal(keyHex, opened[0]!["privateKey"]!.GetValue<string>());
        Assert.NotNull(opened[1]!["error"]);
        Assert.Equal("scrypt", JsonNode.Parse(exported)!["crypto"]!["kdf"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pbkdf2_keystore_imports_and_absurd_scrypt_parameters_bad_files_and_oversized_uploads_are_refused_with_the_reason()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Hostile {Guid.NewGuid():N}");
        using var user = await Tenants.UserAsync(portal, org, "Member");
        using var key = PrivateKey.Generate();
        var pbkdf2 = Keystore.Encrypt(key, "pbkdf2 pass", KeystoreKdf.Pbkdf2, 1000);
        var imported = await WalletApi.ReadAsync(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore", new { keystore = pbkdf2, password = "pbkdf2 pass" }), HttpStatusCode.Created);
        Assert.Equal(key.Address.ToString(), imported.GetProperty("address").GetString());

        var absurd = JsonNode.Parse(Keystore.Encrypt(key, "pw", KeystoreKdf.Scrypt, 1 << 10))!;
        absurd["crypto"]!["kdfparams"]!["n"] = 1L << 40;
        absurd["crypto"]!["kdfparams"]!["r"] = 64;
        var watch = Stopwatch.StartNew();
        var refused = await WalletApi.ReadAsync(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore", new { keystore = absurd.ToJsonString(), password = "pw" }), HttpStatusCode.BadRequest);
        watch.Stop();
        Assert.Contains("scrypt parameters n=1099511627776, r=64", refused.GetProperty("errors").GetProperty("keystore")[0].GetString(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the refusal took {watch.Elapsed}: the KDF must not run");

        var notKeystore = await WalletApi.ReadAsync(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore", new { keystore = "{\"version\":1}", password = "pw" }), HttpStatusCode.BadRequest);
        Assert.Contains("version 3", notKeystore.GetProperty("errors").GetProperty("keystore")[0].GetString(), StringComparison.Ordinal);
        var huge = new { keystore = new string('x', 200_000), password = "pw" };
        var tooBig = await user.Client.PostAsJsonAsync("/api/v1/wallets/import-keystore", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("MaxKeystoreBytes", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badKey = await WalletApi.ReadAsync(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-key", new { privateKey = "0x1234" }), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("0x1234", badKey.ToString(), StringComparison.Ordinal);

        var list = await user.Client.GetFromJsonAsync<JsonNode>("/api/v1/wallets");
        Assert.Single(list!.AsArray());
        Assert.DoesNotContain("protected", list.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_users_account_does_not_exist_for_them()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Owners {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Member");
        using var other = await Tenants.UserAsync(portal, org, "Owner");
        var id = (await WalletApi.CreateAsync(owner.Client)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/wallets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/export", new { password = "long enough" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"/api/v1/wallets/{id}")).StatusCode);
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonArray>("/api/v1/wallets"))!);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/v1/wallets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/v1/wallets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/api/v1/wallets/{id}")).StatusCode);
    }
}
