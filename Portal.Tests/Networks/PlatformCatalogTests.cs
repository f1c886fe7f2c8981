using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Networks;

public sealed class PlatformCatalogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_platform_list_describes_consensus_signatures_hashes_node_counts_accounts_and_contracts_of_each_chain()
    {
        using var client = portal.CreateAdminClient();

        var platforms = (await client.GetFromJsonAsync<JsonElement>("/api/v1/platforms")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(["ethereum-anvil", "litecoin", "neo-express"], platforms.Keys.Order(StringComparer.Ordinal));
        var neo = platforms["neo-express"].GetProperty("facts");
        Assert.Contains("dBFT", neo.GetProperty("consensusAlgorithm").GetString(), StringComparison.Ordinal);
        Assert.Contains("secp256r1", neo.GetProperty("signatureScheme").GetString(), StringComparison.Ordinal);
        Assert.Equal([1, 4, 7], platforms["neo-express"].GetProperty("capabilities").GetProperty("allowedNodeCounts").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Contains("2f + 1", neo.GetProperty("faultRule").GetString(), StringComparison.Ordinal);
        var litecoin = platforms["litecoin"].GetProperty("facts");
        Assert.Contains("Proof of work", litecoin.GetProperty("consensusAlgorithm").GetString(), StringComparison.Ordinal);
        Assert.Contains("Scrypt (proof of work)", litecoin.GetProperty("hashFunctions").EnumerateArray().Select(h => h.GetString()));
        Assert.StartsWith("UTXO", litecoin.GetProperty("accountModel").GetString(), StringComparison.Ordinal);
        Assert.True(litecoin.GetProperty("portalDrivenBlocks").GetBoolean());
        // The profile fields each platform reads besides the common ones, so a form offers those and no others.
        Assert.Equal(["litecoin.blockMaxWeight", "litecoin.miningNodes", "litecoin.confirmations"], platforms["litecoin"].GetProperty("capabilities").GetProperty("profileFields").EnumerateArray().Select(f => f.GetString()));
        var ethereum = platforms["ethereum-anvil"].GetProperty("facts");
        Assert.Contains("Keccak-256", ethereum.GetProperty("hashFunctions").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains("EVM", ethereum.GetProperty("contractSupport").GetString(), StringComparison.Ordinal);
        Assert.All(platforms.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("facts").GetProperty("installCommand").GetString())));
    }

    [Fact]
    public async Task A_neo_profile_with_three_nodes_or_another_consensus_is_rejected_naming_each_field()
    {
        using var client = portal.CreateAdminClient();

        var errors = await ErrorsAsync(client, new
        {
            name = "neo-bad", platform = "neo-express", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 0,
            accounts = new { count = 2 }, neo = new { maxTransactionsPerBlock = 1000 },
        });

        Assert.Contains("1, 4 or 7", errors["nodeCount"], StringComparison.Ordinal);
        Assert.Contains("dbft", errors["consensus"], StringComparison.Ordinal);
        Assert.Contains("between 1 and 600", errors["blockIntervalSeconds"], StringComparison.Ordinal);
        Assert.Contains("512", errors["neo.maxTransactionsPerBlock"], StringComparison.Ordinal);
        Assert.Contains("accounts.count to 0", errors["accounts.count"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_litecoin_profile_with_a_missing_miner_or_oversized_blocks_is_rejected_naming_each_field()
    {
        using var client = portal.CreateAdminClient();

        var errors = await ErrorsAsync(client, new
        {
            name = "ltc-bad", platform = "litecoin", nodeCount = 17, consensus = "pow", blockIntervalSeconds = 2, accounts = new { count = 0 },
            litecoin = new { blockMaxWeight = 8_000_000, miningNodes = new[] { 1, 18 }, confirmations = 101 },
        });

        Assert.Contains("between 1 and 16", errors["nodeCount"], StringComparison.Ordinal);
        Assert.Contains("4000000", errors["litecoin.blockMaxWeight"], StringComparison.Ordinal);
        Assert.Contains("[1, 18]", errors["litecoin.miningNodes"], StringComparison.Ordinal);
        Assert.Equal("Must be between 1 and 100 blocks; got 101.", errors["litecoin.confirmations"]);
        Assert.False(errors.ContainsKey("consensus"));
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpClient client, object profile)
    {
        var response = await client.PostAsJsonAsync("/api/v1/networks", profile);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
    }
}
