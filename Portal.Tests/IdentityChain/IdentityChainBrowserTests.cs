using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.IdentityChain.IdentityChainApi;

namespace NutPortal.Tests.IdentityChain;

/// <summary>An Owner works an identity chain in a real browser: a bad profile shows its fields, a good one deploys its
/// registry from the page, a registered identity is revoked after a confirmation, and the network page requires identity.</summary>
public sealed class IdentityChainBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task An_owner_uploads_deploys_revokes_and_requires_identity_from_the_pages()
    {
        _ = portal.Address;
        var orgName = $"Pages {Guid.NewGuid():N}"[..20];
        var org = await Tenants.CreateOrganizationAsync(portal, orgName);
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, "identity-pages");

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(owner.Email, Tenants.Password);
        await browser.ChooseAsync("[data-testid=org-switch]", orgName);
        await browser.WaitForInteractiveAsync();
        await browser.GotoInteractiveAsync("identity-chains");
        await browser.WaitForAsync("[data-testid=no-identity-chains]");
        await browser.FillAsync("#identity-profile", """{ "name": "Staff", "addressPrefix": "did:x:", "permissions": ["transact"], "signatureAlgorithm": "rsa" }""");
        await browser.ClickAsync("[data-testid=identity-upload-button]");
        await browser.WaitForTextAsync("[data-testid=identity-profile-error]", "signatureAlgorithm");

        await browser.FillAsync("#identity-profile", Profile("secp256k1"));
        await browser.ClickAsync("[data-testid=identity-upload-button]");
        await browser.WaitForUrlAsync("/identity-chains/[0-9a-f]+$");
        var chainId = (await browser.UrlAsync()).Split('/')[^1];
        await browser.ChooseAsync("[data-testid=identity-deploy-network]", "identity-pages");
        await browser.ClickAsync("[data-testid=identity-deploy]");
        await browser.WaitForTextAsync("[data-testid=identity-chain-status]", "Deployed", 120_000);
        Assert.StartsWith("0x", await browser.TextAsync("[data-testid=identity-registry-address]"), StringComparison.Ordinal);

        using var key = IdentityKey.For("secp256k1");
        var identity = await RegisterAsync(owner.Client, chainId, key);
        await browser.GotoInteractiveAsync($"identity-chains/{chainId}");
        await browser.WaitForTextAsync("[data-testid=identity-row]", identity.GetProperty("address").GetString()!);
        await browser.WaitForTextAsync("[data-testid=challenge-row]", "registration");
        await browser.ClickAsync("[data-testid=identity-revoke]");
        await browser.ClickAsync(".mud-dialog button:has-text(\"revoke\")");
        await browser.WaitForTextAsync("[data-testid=identity-status]", "Revoked", 60_000);
        var listed = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/identity-chains/{chainId}/identities");
        Assert.Equal("Revoked", listed[0].GetProperty("status").GetString());

        await browser.GotoInteractiveAsync($"networks/{networkId}");
        await browser.WaitForTextAsync("[data-testid=identity-requirement-state]", "need no identity", 60_000);
        await browser.ChooseAsync("[data-testid=identity-requirement-chain]", "Staff secp256k1");
        // New blocks re-render the network page before the user saves: the chosen chain must survive that.
        var height = await MineAsync(rpcUrl);
        await browser.WaitForTextAsync("[data-testid=node-height]", height.ToString(System.Globalization.CultureInfo.InvariantCulture), 60_000);
        await browser.ClickAsync("[data-testid=identity-requirement-save]");
        await browser.WaitForTextAsync("[data-testid=identity-requirement-state]", "only with a valid answer");
        var requirement = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/identity-requirement");
        Assert.Equal(chainId, requirement.GetProperty("identityChainId").GetString());
    }

    /// <summary>Mines three blocks on the network's node and returns its new height.</summary>
    private static async Task<long> MineAsync(string rpcUrl)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method = "anvil_mine", @params = new[] { "0x3" } })).EnsureSuccessStatusCode();
        var reply = await (await http.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 2, method = "eth_blockNumber", @params = Array.Empty<object>() })).Content.ReadFromJsonAsync<JsonElement>();
        return Convert.ToInt64(reply.GetProperty("result").GetString(), 16);
    }
}
