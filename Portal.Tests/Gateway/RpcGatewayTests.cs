using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Nethereum.Signer;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Gateway;

/// <summary>
/// The network's JSON-RPC gateway on a real anvil node: reads pass for anyone who may see the network, node
/// administration never passes, a transaction is relayed only when signed for this chain by a caller who may develop
/// on the network, and every refusal is stored with its rule.
/// </summary>
public sealed class RpcGatewayTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Reads_and_signed_transactions_pass_node_administration_and_bad_transactions_are_refused_with_their_rule()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Gate {Guid.NewGuid():N}");
        var b = await Tenants.CreateOrganizationAsync(portal, $"Other {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var developerA = await Tenants.UserAsync(portal, a, "Developer");
        using var memberA = await Tenants.UserAsync(portal, a, "Member");
        using var outsider = await Tenants.UserAsync(portal, b, "Owner");
        var id = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "gated", platform = "ethereum-anvil", blockIntervalSeconds = 0, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        var network = await NetworkApi.WaitForAsync(operatorA.Client, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        var rpcUrl = NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/rpc/{id}", Call("eth_blockNumber", 1))).StatusCode);
        var chain = await RpcAsync(memberA.Client, id, Call("eth_chainId", 1));
        Assert.Equal("0x7a69", chain.GetProperty("result").GetString());

        // A batch keeps the caller's ids and order; what is not relayed is answered in place.
        var batch = await RpcAsync(memberA.Client, id, new object[]
        {
            Call("eth_blockNumber", "first"),
            new { jsonrpc = "2.0", id = "second", method = "anvil_setBalance", @params = new object[] { "0x0000000000000000000000000000000000000001", "0x1" } },
            Call("eth_chainId", "third"),
        });
        Assert.Equal(new[] { "first", "second", "third" }, batch.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray());
        Assert.True(batch[0].TryGetProperty("result", out _));
        Assert.Equal(-32601, batch[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("not relayed", batch[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("0x7a69", batch[2].GetProperty("result").GetString());

        // A key of the test's own, funded on the node directly (the gateway would not relay anvil_setBalance).
        var key = EthECKey.GenerateKey();
        var sender = key.GetPublicAddress();
        using (var node = new HttpClient())
        {
            (await node.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method = "anvil_setBalance", @params = new[] { sender, "0xDE0B6B3A7640000" } })).EnsureSuccessStatusCode();
        }
        var signer = new LegacyTransactionSigner();
        var to = "0x00000000000000000000000000000000000000aa";
        var good = signer.SignTransaction(key.GetPrivateKeyAsBytes(), 31337, to, 1000, 0, 2_000_000_000, 21_000);
        var wrongChain = signer.SignTransaction(key.GetPrivateKeyAsBytes(), 1, to, 1000, 0, 2_000_000_000, 21_000);
        var unprotected = signer.SignTransaction(key.GetPrivateKey(), to, 1000, 0, 2_000_000_000, 21_000);

        var byMember = await RpcAsync(memberA.Client, id, Send("0x" + good, 2));
        Assert.Contains("needs the Developer", byMember.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("signed for chain 1", Message(await RpcAsync(developerA.Client, id, Send("0x" + wrongChain, 3))), StringComparison.Ordinal);
        Assert.Contains("replayed on any chain", Message(await RpcAsync(developerA.Client, id, Send("0x" + unprotected, 4))), StringComparison.Ordinal);
        var garbage = await RpcAsync(developerA.Client, id, Send("0xf8c0ffee", 5));
        Assert.Equal(-32602, garbage.GetProperty("error").GetProperty("code").GetInt32());

        var sent = await RpcAsync(developerA.Client, id, Send("0x" + good, 6));
        var hash = sent.GetProperty("result").GetString()!;
        var receipt = await RpcAsync(developerA.Client, id, Call("eth_getTransactionReceipt", 7, hash));
        Assert.Equal("0x1", receipt.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(sender, receipt.GetProperty("result").GetProperty("from").GetString(), ignoreCase: true);

        // Operators read every refusal with its rule; the wrong-chain one names the recovered sender.
        Assert.Equal(HttpStatusCode.Forbidden, (await memberA.Client.GetAsync($"/api/v1/networks/{id}/gateway/refusals")).StatusCode);
        var refusals = (await operatorA.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/gateway/refusals")).EnumerateArray().ToList();
        Assert.Equal(
            new[] { "method-not-relayed", "submit-not-allowed", "wrong-chain", "no-replay-protection", "not-signed" }.Order(),
            refusals.Select(r => r.GetProperty("rule").GetString()!).Order());
        var wrong = refusals.Single(r => r.GetProperty("rule").GetString() == "wrong-chain");
        Assert.Equal(sender, wrong.GetProperty("sender").GetString(), ignoreCase: true);
        Assert.Equal(developerA.Email, wrong.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_oversized_batches_bad_JSON_and_callers_without_a_token_are_refused_before_anything_is_relayed()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Gate2 {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        var id = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "gated-limits", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;

        var huge = new StringContent("[" + string.Join(",", Enumerable.Repeat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}", 30_000)) + "]",
            System.Text.Encoding.UTF8, "application/json");
        var tooBig = await operatorA.Client.PostAsync($"/rpc/{id}", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("MaxBodyBytes", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var manyCalls = await operatorA.Client.PostAsJsonAsync($"/rpc/{id}", Enumerable.Range(0, 101).Select(i => Call("eth_blockNumber", i)).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, manyCalls.StatusCode);
        Assert.Contains("MaxBatch", await manyCalls.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notJson = await operatorA.Client.PostAsync($"/rpc/{id}", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(-32700, (await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetInt32());
        using var anonymous = portal.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/rpc/{id}", Call("eth_blockNumber", 1))).StatusCode);
    }

    private static object Call(string method, object id, params object[] parameters) => new { jsonrpc = "2.0", id, method, @params = parameters };

    private static object Send(string raw, int id) => Call("eth_sendRawTransaction", id, raw);

    private static string Message(JsonElement reply) => reply.GetProperty("error").GetProperty("message").GetString()!;

    private static async Task<JsonElement> RpcAsync(HttpClient client, string networkId, object body)
    {
        var response = await client.PostAsJsonAsync($"/rpc/{networkId}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
