using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.DappStore;

/// <summary>
/// A real portal (Kestrel, SQLite) with two organizations: in Acme an Owner who runs an anvil network with an ERC-20
/// deployed from a saved project version, a Developer who publishes DApps, a Member (plain user); in Bolt an outsider.
/// Small bundle limits so hostile zips stay small.
/// </summary>
public sealed class StoreWorld : IAsyncLifetime
{
    public RealServerPortalFactory Portal { get; } = (RealServerPortalFactory)new RealServerPortalFactory()
        .WithSetting("Portal:DappStore:MaxBundleBytes", "65536")
        .WithSetting("Portal:DappStore:MaxExpandedBytes", "1048576")
        .WithSetting("Portal:DappStore:MaxFiles", "20");

    internal TenantUser Owner { get; private set; } = null!;

    internal TenantUser Developer { get; private set; } = null!;

    internal TenantUser Member { get; private set; } = null!;

    internal TenantUser Outsider { get; private set; } = null!;

    public string NetworkId { get; private set; } = "";

    public string TokenAddress { get; private set; } = "";

    public string ProjectId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = Portal.Address;
        var acme = await Tenants.CreateOrganizationAsync(Portal, $"Acme {Guid.NewGuid():N}");
        var bolt = await Tenants.CreateOrganizationAsync(Portal, $"Bolt {Guid.NewGuid():N}");
        Owner = await Tenants.UserAsync(Portal, acme, "Owner");
        Developer = await Tenants.UserAsync(Portal, acme, "Developer");
        Member = await Tenants.UserAsync(Portal, acme, "Member");
        Outsider = await Tenants.UserAsync(Portal, bolt, "Owner");
        NetworkId = (await CreateAsync(Owner.Client, Profile("store-chain"))).GetProperty("id").GetString()!;
        await WaitForAsync(Owner.Client, NetworkId, n => Status(n) == "Running", TimeSpan.FromSeconds(90), "Running");
        var project = await Owner.Client.PostAsJsonAsync("/api/v1/contracts", new { name = "nut-token", source = ContractTemplates.Find("erc20")!.Source });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        ProjectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deployed = await Owner.Client.PostAsJsonAsync($"/api/v1/networks/{NetworkId}/contracts",
            new { projectId = ProjectId, version = 1, contractName = "Token", constructorArguments = new object[] { "Nut", "NUT", "1000000" } });
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, body.ToString());
        TokenAddress = body.GetProperty("address").GetString()!;
    }

    /// <summary>A draft DApp of the Developer's, on the network with the token contract.</summary>
    public async Task<string> DraftAsync(string name, string description = "A token DApp.")
    {
        var response = await Developer.Client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name, summary = $"{name}: send and hold NUT", description, category = "Tokens", networkId = NetworkId, contracts = new[] { TokenAddress },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    public async Task<string> PublishedAsync(string name, string description = "A token DApp.")
    {
        var id = await DraftAsync(name, description);
        var published = await Developer.Client.PostAsync($"/api/v1/dapps/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }

    public async Task DisposeAsync()
    {
        foreach (var user in new[] { Owner, Developer, Member, Outsider })
        {
            user?.Dispose();
        }
        await Portal.DisposeAsync();
    }
}
