using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.IdentityChain;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.IdentityChain.IdentityChainApi;

namespace NutPortal.Tests.IdentityChain;

/// <summary>
/// The done-when of identity chains on real anvil and real solc: an enterprise's user registers an identity (each
/// curve), answers a challenge and their transaction is mined through /rpc/{networkId}; without an answer, with a
/// replayed, foreign, expired or wrong-curve answer, or after revocation the same gateway refuses it and stores the rule.
/// </summary>
public sealed class IdentityGatewayTests(IdentityChainPortal portal) : IClassFixture<IdentityChainPortal>
{
    [Theory]
    [InlineData("secp256k1")]
    [InlineData("p256")]
    public async Task A_registered_identity_answers_a_challenge_and_its_transaction_is_mined_without_an_answer_replayed_or_revoked_it_is_refused(string curve)
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Acme {curve} {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var user = await Tenants.UserAsync(portal, org, "Developer");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, $"business-{curve}");
        var chainId = await DeployedChainAsync(owner.Client, curve, networkId);
        using var key = IdentityKey.For(curve);
        var identity = await RegisterAsync(user.Client, chainId, key);
        var identityId = identity.GetProperty("id").GetString()!;
        Assert.Equal("Active", identity.GetProperty("status").GetString());
        Assert.StartsWith("did:acme:", identity.GetProperty("address").GetString(), StringComparison.Ordinal);
        await Ok(await owner.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId }));
        var sender = new Sender(rpcUrl);
        await sender.FundAsync();
        var (raw, hash) = sender.Transfer(0);

        Assert.Contains("only with an identity answer", Refusal(await SendAsync(user.Client, networkId, raw)), StringComparison.Ordinal);

        var (nonce, message) = await ChallengeAsync(user.Client, chainId, identityId, networkId, hash);
        Assert.Contains(hash, message, StringComparison.Ordinal);
        Assert.Contains(networkId, message, StringComparison.Ordinal);
        var answer = key.Sign(message);
        var sent = await SendAsync(user.Client, networkId, raw, nonce, answer);
        Assert.Equal(hash, sent.GetProperty("result").GetString());
        // Mined: the node's receipt (read through the gateway) says it succeeded.
        await Eventually.HoldsAsync(async () => (await RpcAsync(user.Client, networkId, "eth_getTransactionReceipt", hash)).GetProperty("result") is { ValueKind: JsonValueKind.Object } r
            && r.GetProperty("status").GetString() == "0x1", "the transaction to be mined with status 1");

        // The same answer again: the challenge was taken.
        var (next, nextHash) = sender.Transfer(1);
        Assert.Contains("already answered", Refusal(await SendAsync(user.Client, networkId, raw, nonce, answer)), StringComparison.Ordinal);
        // A challenge for one transaction does not carry another.
        var (forOther, otherMessage) = await ChallengeAsync(user.Client, chainId, identityId, networkId, hash);
        Assert.Contains($"issued for transaction {hash}", Refusal(await SendAsync(user.Client, networkId, next, forOther, key.Sign(otherMessage))), StringComparison.Ordinal);
        // A signature over a message naming another transaction hash does not verify.
        var (right, rightMessage) = await ChallengeAsync(user.Client, chainId, identityId, networkId, nextHash);
        Assert.Contains("this challenge's message", Refusal(await SendAsync(user.Client, networkId, next, right, key.Sign(rightMessage.Replace(nextHash, hash, StringComparison.Ordinal)))),
            StringComparison.Ordinal);
        // The other curve's signature of the right message.
        using var otherCurve = IdentityKey.For(curve == "p256" ? "secp256k1" : "p256");
        Assert.Contains(curve == "p256" ? "64-byte" : "65-byte", Refusal(await SendAsync(user.Client, networkId, next, right, otherCurve.Sign(rightMessage))), StringComparison.Ordinal);

        // Revoked in the registry: a fresh, correctly signed answer is refused.
        var revoked = await Ok(await owner.Client.PostAsync($"/api/v1/identity-chains/{chainId}/identities/{identityId}/revoke", null));
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        var (afterRevoke, afterMessage) = await ChallengeAsync(user.Client, chainId, identityId, networkId, nextHash);
        Assert.Contains("is revoked", Refusal(await SendAsync(user.Client, networkId, next, afterRevoke, key.Sign(afterMessage))), StringComparison.Ordinal);
        var count = await RpcAsync(user.Client, networkId, "eth_getTransactionCount", sender.Address, "latest");
        Assert.Equal("0x1", count.GetProperty("result").GetString());

        var rules = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/gateway/refusals")).EnumerateArray()
            .Select(r => r.GetProperty("rule").GetString()!).ToList();
        Assert.Equal(
            new[] { "identity-required", "identity-challenge-used", "identity-challenge-foreign", "identity-signature-invalid", "identity-signature-invalid", "identity-revoked" }.Order(),
            rules.Order());
    }

    [Fact]
    public async Task An_answer_after_the_challenge_expired_is_refused_and_a_fresh_one_passes()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Expiry {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, "business-expiry");
        var chainId = await DeployedChainAsync(owner.Client, "p256", networkId);
        using var key = IdentityKey.For("p256");
        var identityId = (await RegisterAsync(owner.Client, chainId, key)).GetProperty("id").GetString()!;
        await Ok(await owner.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId }));
        var sender = new Sender(rpcUrl);
        await sender.FundAsync();
        var (raw, hash) = sender.Transfer(0);

        var (nonce, message) = await ChallengeAsync(owner.Client, chainId, identityId, networkId, hash);
        try
        {
            portal.Clock.Offset = TimeSpan.FromSeconds(121);
            Assert.Contains("expired", Refusal(await SendAsync(owner.Client, networkId, raw, nonce, key.Sign(message))), StringComparison.Ordinal);
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
        var (fresh, freshMessage) = await ChallengeAsync(owner.Client, chainId, identityId, networkId, hash);
        Assert.Equal(hash, (await SendAsync(owner.Client, networkId, raw, fresh, key.Sign(freshMessage))).GetProperty("result").GetString());
        var rules = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/gateway/refusals")).EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["identity-challenge-expired"], rules);
    }

    [Fact]
    public async Task The_gateway_reads_the_identity_from_the_registry_contract_so_a_revocation_made_on_chain_alone_is_refused()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Registry {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, "business-registry");
        var chainId = await DeployedChainAsync(owner.Client, "secp256k1", networkId);
        using var key = IdentityKey.For("secp256k1");
        var identityId = (await RegisterAsync(owner.Client, chainId, key)).GetProperty("id").GetString()!;
        await Ok(await owner.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId }));
        var registry = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/identity-chains/{chainId}")).GetProperty("contractAddress").GetString()!;

        // Revoked by the registry's own account straight on the node: the portal's database still says Active.
        using (var node = new HttpClient())
        {
            var portalAccount = "0x" + (await NodeAsync(node, rpcUrl, "eth_call", new { to = registry, data = "0x" + Selector("portal()") }, "latest")).GetString()![26..];
            await NodeAsync(node, rpcUrl, "anvil_impersonateAccount", portalAccount);
            await NodeAsync(node, rpcUrl, "eth_sendTransaction", new { from = portalAccount, to = registry, data = "0x" + Selector("revoke(bytes32)") + identityId[2..] });
        }
        var listed = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/identity-chains/{chainId}/identities");
        Assert.Equal("Active", listed[0].GetProperty("status").GetString());
        var sender = new Sender(rpcUrl);
        await sender.FundAsync();
        var (raw, hash) = sender.Transfer(0);
        var (nonce, message) = await ChallengeAsync(owner.Client, chainId, identityId, networkId, hash);
        Assert.Contains("is revoked", Refusal(await SendAsync(owner.Client, networkId, raw, nonce, key.Sign(message))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_many_simultaneous_answers_to_one_challenge_exactly_one_takes_it()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Race {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var chainId = (await Ok(await UploadAsync(owner.Client, Profile("p256")))).GetProperty("id").GetString()!;
        var challenges = portal.Services.GetRequiredService<IdentityChallenges>();
        var issued = await challenges.IssueAsync(new ChallengeRequest(ChallengePurpose.Registration, chainId, null, owner.Id, null, null), CancellationToken.None);
        var challenge = (await challenges.FindAsync(issued.Challenge, CancellationToken.None))!;

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => challenges.ConsumeAsync(challenge, CancellationToken.None))));

        Assert.Single(taken, t => t);
        Assert.Equal(IdentityRules.ChallengeUsed, challenges.Unusable((await challenges.FindAsync(issued.Challenge, CancellationToken.None))!)?.Rule);
    }

    private static string Selector(string signature) => Convert.ToHexStringLower(Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(signature)).AsSpan(0, 4));

    private static async Task<JsonElement> NodeAsync(HttpClient node, string rpcUrl, string method, params object[] parameters)
    {
        var reply = await Ok(await node.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method, @params = parameters }));
        Assert.True(reply.TryGetProperty("result", out var result), reply.ToString());
        return result;
    }
}
