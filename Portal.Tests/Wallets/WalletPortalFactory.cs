using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Wallets;

/// <summary>A portal with tight faucet limits (one payment per account, two per user) and cheap exported keystores.</summary>
public sealed class WalletPortalFactory : PortalFactory
{
    public WalletPortalFactory()
    {
        WithSetting("Portal:Wallets:FaucetPerAccount", "1");
        WithSetting("Portal:Wallets:FaucetPerUser", "2");
        // Exported files keep the real format; 2^14 keeps the ethers side of the test quick (the default is 2^17).
        WithSetting("Portal:Wallets:ExportScryptN", "16384");
    }
}

/// <summary>Wallet API calls for tests.</summary>
internal static class WalletApi
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, string name = "main")
    {
        var response = await client.PostAsJsonAsync("/api/v1/wallets", new { name });
        return await ReadAsync(response, System.Net.HttpStatusCode.Created);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode} (expected {expected}): {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> BalancesAsync(HttpClient client, long id, string network) =>
        await ReadAsync(await client.GetAsync($"/api/v1/wallets/{id}/networks/{network}/balances"), System.Net.HttpStatusCode.OK);

    public static async Task<string> RunningNetworkAsync(HttpClient operatorClient, string name, int interval = 0)
    {
        var id = (await NetworkApi.CreateAsync(operatorClient, NetworkApi.Profile(name, interval))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(operatorClient, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        return id;
    }
}
