using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.DappStore;

/// <summary>
/// A real portal (Kestrel, SQLite) where Acme's Owner runs two anvil networks (chain 4242 with a NUT ERC-20 deployed from
/// a saved project version, and chain 4343 with nothing on it) and Acme's Developer has published "Nut wallet DApp",
/// whose uploaded front end is <see cref="TokenDappBundle"/> (ethers), and "Nut web3 DApp" for the same token, whose front end is
/// <see cref="Web3TokenDappBundle"/> (web3.js). Each test makes its own new users.
/// </summary>
public sealed class ProviderWorld : IAsyncLifetime
{
    public const string OtherChainHex = "0x10e7";  // 4327

    public RealServerPortalFactory Portal { get; } = new();

    public string OrganizationId { get; private set; } = "";

    internal TenantUser Owner { get; private set; } = null!;

    internal TenantUser Developer { get; private set; } = null!;

    public string NetworkId { get; private set; } = "";

    public string OtherNetworkId { get; private set; } = "";

    public string TokenAddress { get; private set; } = "";

    public string DappId { get; private set; } = "";

    public string DappName { get; } = $"Nut wallet {Guid.NewGuid():N}"[..19];

    /// <summary>The same token's second DApp, whose front end is <see cref="Web3TokenDappBundle"/> (web3.js).</summary>
    public string Web3DappId { get; private set; } = "";

    public string Web3DappName { get; } = $"Nut web3 {Guid.NewGuid():N}"[..17];

    public async Task InitializeAsync()
    {
        _ = Portal.Address;
        OrganizationId = await Tenants.CreateOrganizationAsync(Portal, $"Acme {Guid.NewGuid():N}");
        Owner = await Tenants.UserAsync(Portal, OrganizationId, "Owner");
        Developer = await Tenants.UserAsync(Portal, OrganizationId, "Developer");
        NetworkId = (await CreateAsync(Owner.Client, Profile("nut-chain"))).GetProperty("id").GetString()!;
        OtherNetworkId = (await CreateAsync(Owner.Client, new
        {
            name = "other-chain", platform = "ethereum-anvil", blockIntervalSeconds = 1, chainId = 4327, accounts = new { count = 1, balanceEth = 10 },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(Owner.Client, NetworkId, n => Status(n) == "Running", TimeSpan.FromSeconds(90), "Running");
        await WaitForAsync(Owner.Client, OtherNetworkId, n => Status(n) == "Running", TimeSpan.FromSeconds(90), "Running");
        var project = await Owner.Client.PostAsJsonAsync("/api/v1/contracts", new { name = "nut-token", source = ContractTemplates.Find("erc20")!.Source });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deployed = await Owner.Client.PostAsJsonAsync($"/api/v1/networks/{NetworkId}/contracts",
            new { projectId, version = 1, contractName = "Token", constructorArguments = new object[] { "Nut", "NUT", "1000000000000000000000000" } });
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, body.ToString());
        TokenAddress = body.GetProperty("address").GetString()!;

        DappId = await PublishAsync(DappName, "Hold and send NUT", TokenDappBundle.Zip(TokenAddress));
        Web3DappId = await PublishAsync(Web3DappName, "Send NUT with web3.js", Web3TokenDappBundle.Zip(TokenAddress));
    }

    /// <summary>The Developer publishes a DApp on the NUT network with the token as its contract and <paramref name="bundle"/> as its front end.</summary>
    private async Task<string> PublishAsync(string name, string summary, byte[] bundle)
    {
        var draft = await Developer.Client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name, summary, description = "Send NUT from your wallet.", category = "Tokens", networkId = NetworkId, contracts = new[] { TokenAddress },
        });
        var dapp = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(draft.StatusCode == HttpStatusCode.Created, dapp.ToString());
        var id = dapp.GetProperty("id").GetString()!;
        var zip = new ByteArrayContent(bundle);
        zip.Headers.ContentType = new("application/zip");
        var uploaded = await Developer.Client.PostAsync($"/api/v1/dapps/{id}/bundle", zip);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var published = await Developer.Client.PostAsync($"/api/v1/dapps/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Gives <paramref name="address"/> NUT (whole tokens) from the Owner's network account, which holds the supply.</summary>
    public async Task GiveTokensAsync(string address, int tokens)
    {
        var sent = await Owner.Client.PostAsJsonAsync($"/api/v1/networks/{NetworkId}/contracts/{TokenAddress}/invoke",
            new { function = "transfer", arguments = new[] { address, (new System.Numerics.BigInteger(tokens) * System.Numerics.BigInteger.Pow(10, 18)).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
    }

    /// <summary>A node's JSON-RPC answer, straight from the network's node (not through the portal).</summary>
    public async Task<JsonElement> NodeAsync(string method, params object[] parameters)
    {
        var url = Node(await GetAsync(Owner.Client, NetworkId)).GetProperty("rpcUrl").GetString()!;
        using var http = new HttpClient();
        var reply = await (await http.PostAsJsonAsync(url, new { jsonrpc = "2.0", id = 1, method, @params = parameters })).Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("result");
    }

    public async Task DisposeAsync()
    {
        Owner?.Dispose();
        Developer?.Dispose();
        await Portal.DisposeAsync();
    }
}
