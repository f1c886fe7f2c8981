using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.IdentityChain;

/// <summary>Drives identity chains through the public API the way an organization's people and their scripts would.</summary>
internal static class IdentityChainApi
{
    public static string Profile(string curve, string permissions = "\"transact\", \"sign-in\"") => $$"""
        {
          "name": "Staff {{curve}}",
          "addressPrefix": "did:acme:",
          "permissions": [{{permissions}}],
          "signatureAlgorithm": "{{curve}}",
          "fields": [
            { "name": "fullName", "type": "string", "required": true },
            { "name": "employeeNo", "type": "string", "required": true, "pattern": "^E[0-9]{4}$" },
            { "name": "email", "type": "email" }
          ]
        }
        """;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string profile) =>
        await client.PostAsync("/api/v1/identity-chains", new StringContent(profile, Encoding.UTF8, "application/json"));

    /// <summary>A running anvil network of the operator's organization: its id and its node's own RPC URL (for funding test keys).</summary>
    public static async Task<(string Id, string RpcUrl)> NetworkAsync(HttpClient operatorClient, string name)
    {
        var id = (await NetworkApi.CreateAsync(operatorClient, new { name, platform = "ethereum-anvil", blockIntervalSeconds = 0, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        var network = await NetworkApi.WaitForAsync(operatorClient, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        return (id, NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!);
    }

    /// <summary>Uploads the profile and deploys its registry on the network; returns the chain's id.</summary>
    public static async Task<string> DeployedChainAsync(HttpClient owner, string curve, string networkId)
    {
        var created = await Ok(await UploadAsync(owner, Profile(curve)));
        var chainId = created.GetProperty("id").GetString()!;
        var deployed = await Ok(await owner.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/deploy", new { networkId }));
        Assert.Equal("Deployed", deployed.GetProperty("status").GetString());
        Assert.StartsWith("0x", deployed.GetProperty("contractAddress").GetString(), StringComparison.Ordinal);
        return chainId;
    }

    /// <summary>Registers the key with proof of possession (a signed registration challenge); returns the identity.</summary>
    public static async Task<JsonElement> RegisterAsync(HttpClient user, string chainId, IdentityKey key, string employeeNo = "E1234")
    {
        var challenge = await Ok(await user.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/challenges", new { purpose = "registration" }));
        var response = await user.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/identities", new
        {
            fields = new Dictionary<string, string> { ["fullName"] = "Ada Lovelace", ["employeeNo"] = employeeNo, ["email"] = "ada@example.test" },
            publicKey = key.PublicKey,
            challenge = challenge.GetProperty("challenge").GetString(),
            signature = key.Sign(challenge.GetProperty("message").GetString()!),
        });
        return await Ok(response);
    }

    public static async Task<(string Nonce, string Message)> ChallengeAsync(HttpClient user, string chainId, string identityId, string networkId, string transactionHash)
    {
        var challenge = await Ok(await user.PostAsJsonAsync($"/api/v1/identity-chains/{chainId}/challenges", new { identityId, networkId, transactionHash }));
        return (challenge.GetProperty("challenge").GetString()!, challenge.GetProperty("message").GetString()!);
    }

    /// <summary>A transfer signed by a fresh key funded on the node directly: the raw transaction and its hash.</summary>
    public sealed class Sender(string rpcUrl)
    {
        private readonly EthECKey _key = EthECKey.GenerateKey();

        public string Address => _key.GetPublicAddress();

        public async Task FundAsync()
        {
            using var node = new HttpClient();
            (await node.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method = "anvil_setBalance", @params = new[] { _key.GetPublicAddress(), "0xDE0B6B3A7640000" } }))
                .EnsureSuccessStatusCode();
        }

        public (string Raw, string Hash) Transfer(int nonce)
        {
            var raw = "0x" + new LegacyTransactionSigner().SignTransaction(_key.GetPrivateKeyAsBytes(), 31337, "0x00000000000000000000000000000000000000aa", 1000, nonce, 2_000_000_000, 21_000);
            return (raw, Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()).ToHex(true));
        }
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, string networkId, string raw, string? nonce = null, string? signature = null)
    {
        object call = nonce is null
            ? new { jsonrpc = "2.0", id = 1, method = "eth_sendRawTransaction", @params = new[] { raw } }
            : new { jsonrpc = "2.0", id = 1, method = "eth_sendRawTransaction", @params = new[] { raw }, identity = new { challenge = nonce, signature } };
        return await Ok(await client.PostAsJsonAsync($"/rpc/{networkId}", call));
    }

    public static async Task<JsonElement> RpcAsync(HttpClient client, string networkId, string method, params object[] parameters) =>
        await Ok(await client.PostAsJsonAsync($"/rpc/{networkId}", new { jsonrpc = "2.0", id = 1, method, @params = parameters }));

    public static string Refusal(JsonElement reply)
    {
        Assert.True(reply.TryGetProperty("error", out var error), $"expected a refusal, got {reply}");
        return error.GetProperty("message").GetString()!;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
