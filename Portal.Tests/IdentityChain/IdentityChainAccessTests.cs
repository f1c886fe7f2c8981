using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.IdentityChain.IdentityChainApi;

namespace NutPortal.Tests.IdentityChain;

/// <summary>Profiles are checked field by field; only the organization's Owners and Operators upload, deploy and revoke;
/// another organization's people find nothing; an identity signs its user in to the portal.</summary>
public sealed class IdentityChainAccessTests(IdentityChainPortal portal) : IClassFixture<IdentityChainPortal>
{
    [Fact]
    public async Task A_malformed_profile_is_refused_with_each_bad_field_named_and_nothing_is_saved()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Profiles {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var member = await Tenants.UserAsync(portal, org, "Member");

        var bad = await UploadAsync(owner.Client, """
            { "name": "Staff", "addressPrefix": "DID WITH SPACES", "permissions": ["transact", "teleport"], "signatureAlgorithm": "rsa",
              "fields": [ { "name": "age", "type": "integer" }, { "name": "code", "pattern": "([a-z" } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(new[] { "addressPrefix", "fields[0].type", "fields[1].pattern", "permissions[1]", "signatureAlgorithm" },
            errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Contains("secp256k1, p256", errors.GetProperty("signatureAlgorithm")[0].GetString(), StringComparison.Ordinal);
        var notJson = await UploadAsync(owner.Client, """{ "name": "Staff", "fields": [ { "name": 7 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True((await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fields[0].name", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(member.Client, Profile("p256"))).StatusCode);
        Assert.Empty((await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/identity-chains")).EnumerateArray());
    }

    [Fact]
    public async Task Another_organizations_user_gets_404_and_a_member_cannot_revoke()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Owner org {Guid.NewGuid():N}");
        var other = await Tenants.CreateOrganizationAsync(portal, $"Other org {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var member = await Tenants.UserAsync(portal, org, "Member");
        using var outsider = await Tenants.UserAsync(portal, other, "Owner");
        var (networkId, _) = await NetworkAsync(owner.Client, "identity-access");
        var chainId = await DeployedChainAsync(owner.Client, "secp256k1", networkId);
        using var key = IdentityKey.For("secp256k1");
        var identityId = (await RegisterAsync(member.Client, chainId, key)).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/identity-chains/{chainId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/identity-chains/{chainId}/identities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/challenges", new { purpose = "registration" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsync($"/api/v1/identity-chains/{chainId}/identities/{identityId}/revoke", null)).StatusCode);
        Assert.Empty((await outsider.Client.GetFromJsonAsync<JsonElement>("/api/v1/identity-chains")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync($"/api/v1/identity-chains/{chainId}/identities/{identityId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId })).StatusCode);
        var identities = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/identity-chains/{chainId}/identities");
        Assert.Equal("Active", identities.EnumerateArray().Single().GetProperty("status").GetString());

        // Registration needs the key's own signature of the registration challenge and the profile's fields.
        using var stranger = IdentityKey.For("secp256k1");
        var challenge = await Ok(await member.Client.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/challenges", new { purpose = "registration" }));
        var forged = await member.Client.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/identities", new
        {
            fields = new Dictionary<string, string> { ["fullName"] = "Mallory", ["employeeNo"] = "X1" },
            publicKey = stranger.PublicKey,
            challenge = challenge.GetProperty("challenge").GetString(),
            signature = key.Sign(challenge.GetProperty("message").GetString()!),
        });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var errors = (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(new[] { "fields.employeeNo", "signature" }, errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
    }

    [Fact]
    public async Task A_wallets_personal_sign_made_by_ethers_registers_and_signs_in_a_secp256k1_identity()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Wallets {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, _) = await NetworkAsync(owner.Client, "identity-ethers");
        var chainId = await DeployedChainAsync(owner.Client, "secp256k1", networkId);
        var privateKey = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var challenge = await Ok(await owner.Client.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/challenges", new { purpose = "registration" }));
        var signed = await EthersSignAsync(privateKey, challenge.GetProperty("message").GetString()!);
        var identity = await Ok(await owner.Client.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/identities", new
        {
            fields = new Dictionary<string, string> { ["fullName"] = "Grace Hopper", ["employeeNo"] = "E0042" },
            publicKey = signed.GetProperty("publicKey").GetString(),
            challenge = challenge.GetProperty("challenge").GetString(),
            signature = signed.GetProperty("signature").GetString(),
        }));

        using var browser = portal.CreateAnonymousClient();
        var login = await Ok(await browser.PostAsJsonAsync("/account/identity/challenge", new { identityId = identity.GetProperty("id").GetString() }));
        var answer = await EthersSignAsync(privateKey, login.GetProperty("message").GetString()!);
        await Ok(await browser.PostAsJsonAsync("/account/identity/sign-in", new { challenge = login.GetProperty("challenge").GetString(), signature = answer.GetProperty("signature").GetString() }));
        Assert.Contains(owner.Email, (await Ok(await browser.GetAsync("/api/v1/me"))).ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> EthersSignAsync(string privateKey, string message) =>
        JsonDocument.Parse(await NutPortal.Tests.Infrastructure.NodeScript.RunAsync("Portal.Tests/IdentityChain/Peers/personal-sign.mjs",
            JsonSerializer.Serialize(new { privateKey, message }))).RootElement.Clone();

    [Fact]
    public async Task An_identity_signs_its_user_in_with_the_normal_session_and_a_wrong_signature_does_not()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Sign-in {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var user = await Tenants.UserAsync(portal, org, "Developer");
        var (networkId, _) = await NetworkAsync(owner.Client, "identity-sign-in");
        var chainId = await DeployedChainAsync(owner.Client, "p256", networkId);
        using var key = IdentityKey.For("p256");
        var identityId = (await RegisterAsync(user.Client, chainId, key)).GetProperty("id").GetString()!;
        using var browser = portal.CreateAnonymousClient();
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        var wrong = await Ok(await browser.PostAsJsonAsync("/account/identity/challenge", new { identityId }));
        using var impostor = IdentityKey.For("p256");
        var refused = await browser.PostAsJsonAsync("/account/identity/sign-in", new { challenge = wrong.GetProperty("challenge").GetString(), signature = impostor.Sign(wrong.GetProperty("message").GetString()!) });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        var challenge = await Ok(await browser.PostAsJsonAsync("/account/identity/challenge", new { identityId }));
        Assert.Contains("purpose: sign-in", challenge.GetProperty("message").GetString(), StringComparison.Ordinal);
        await Ok(await browser.PostAsJsonAsync("/account/identity/sign-in", new { challenge = challenge.GetProperty("challenge").GetString(), signature = key.Sign(challenge.GetProperty("message").GetString()!) }));
        var me = await Ok(await browser.GetAsync("/api/v1/me"));
        Assert.Contains(user.Email, me.ToString(), StringComparison.Ordinal);

        // The gateway without an API token: a call carries a fresh sign-in answer (Authorization: Identity), used up by that call.
        var rpcChallenge = await Ok(await browser.PostAsJsonAsync("/account/identity/challenge", new { identityId }));
        var header = $"challenge={rpcChallenge.GetProperty("challenge").GetString()}, signature={key.Sign(rpcChallenge.GetProperty("message").GetString()!)}";
        using var script = portal.CreateAnonymousClient();
        HttpRequestMessage BlockNumber(string? identity) => new(HttpMethod.Post, $"/rpc/{networkId}")
        {
            Content = JsonContent.Create(new { jsonrpc = "2.0", id = 7, method = "eth_blockNumber", @params = Array.Empty<object>() }),
            Headers = { Authorization = identity is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Identity", identity) },
        };
        var answered = await script.SendAsync(BlockNumber(header));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.StartsWith("0x", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString(), StringComparison.Ordinal);
        var replayed = await script.SendAsync(BlockNumber(header));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("identity-challenge-used", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.SendAsync(BlockNumber(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.SendAsync(BlockNumber("challenge=00, challenge=11, signature=0x"))).StatusCode);

        // Anonymous sign-in challenges are capped per identity (one unanswered is open already) without using up its transaction challenges.
        using var flood = portal.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await flood.PostAsJsonAsync("/account/identity/challenge", new { identityId })).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 19).Append(HttpStatusCode.Conflict), statuses);
        await ChallengeAsync(user.Client, chainId, identityId, networkId, "0x" + new string('a', 64));

        // Suspended in the registry: no more sign-ins.
        await Ok(await owner.Client.PostAsync($"/api/v1/identity-chains/{chainId}/identities/{identityId}/suspend", null));
        using var later = portal.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await later.PostAsJsonAsync("/account/identity/challenge", new { identityId })).StatusCode);
    }
}
