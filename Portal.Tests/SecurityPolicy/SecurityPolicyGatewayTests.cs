using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.SecurityPolicy;

/// <summary>
/// A network's security policy on a real anvil node with a contract compiled by real solc: Operators alone change it,
/// access rules refuse a function to those they do not admit, an e-mail address in calldata is refused under "reject"
/// and stored only encrypted under "encrypt" (through the gateway with the encrypt endpoint, and by the contract center
/// which encrypts before signing), and the plaintext goes only to the policy's readers, each read recorded.
/// </summary>
public sealed class SecurityPolicyGatewayTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    private const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;
        contract Notes {
            string public note;
            function store(string calldata text) external { note = text; }
            function wipe() external { note = ""; }
        }
        """;

    private static readonly ContractAbi Abi = ContractAbi.Parse("""
        [{"type":"function","name":"store","stateMutability":"nonpayable","inputs":[{"name":"text","type":"string"}],"outputs":[]},
         {"type":"function","name":"wipe","stateMutability":"nonpayable","inputs":[],"outputs":[]}]
        """);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_email_is_refused_under_reject_stored_encrypted_under_encrypt_and_shown_in_plaintext_only_to_an_entitled_reader(string provider)
    {
        using var portal = PortalFactory.On(TestDatabase.Create(provider));
        var a = await Tenants.CreateOrganizationAsync(portal, $"Policy {Guid.NewGuid():N}");
        var b = await Tenants.CreateOrganizationAsync(portal, $"Elsewhere {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var developerA = await Tenants.UserAsync(portal, a, "Developer");
        using var ownerA = await Tenants.UserAsync(portal, a, "Owner");
        using var outsider = await Tenants.UserAsync(portal, b, "Owner");
        var id = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "policed", platform = "ethereum-anvil", blockIntervalSeconds = 0, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        var network = await NetworkApi.WaitForAsync(operatorA.Client, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        var deployed = await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts", new { source = Source, contractName = "Notes" });
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());
        var contract = (await deployed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("address").GetString()!;
        // A consortium member organization with a Developer of its own.
        var c = await Tenants.CreateOrganizationAsync(portal, $"Member {Guid.NewGuid():N}");
        using var developerC = await Tenants.UserAsync(portal, c, "Developer");
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.NetworkMembers.Add(new NetworkMember { NetworkId = id, OrganizationId = c, AddedBy = "test", JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var memberKey = new Sender(await FundedKeyAsync(NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!));
        var developerKey = new Sender(await FundedKeyAsync(NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!));
        var ownerKey = new Sender(await FundedKeyAsync(NetworkApi.Node(network).GetProperty("rpcUrl").GetString()!));

        // Who may change it: the network's Operators; others of its organization 403, other organizations 404.
        var rejecting = new
        {
            defaultLevel = "internal",
            accessRules = new[]
            {
                new { name = "owners-only-wipe", contract, function = "wipe()", organizations = new[] { a }, roles = new[] { "Owner" } },
                new { name = "operator-org-stores", contract, function = "store(string)", organizations = new[] { a }, roles = Array.Empty<string>() },
            },
            pii = new { action = "reject" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/networks/{id}/policy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", rejecting)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await developerA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", rejecting)).StatusCode);
        var invalid = await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", new
        {
            accessRules = new[] { new { name = "x", function = "wipe everything", roles = new[] { "Boss" } } },
            pii = new { action = "reject", patterns = new[] { new { name = "r", regex = "(a)\\1" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accessRules[0].function", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("accessRules[0].roles[0]", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("pii.patterns[0].regex", out _), errors.ToString());
        var badLevel = await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", new { defaultLevel = "top-secret" });
        Assert.True((await badLevel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("defaultLevel", out _));
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", rejecting)).StatusCode);

        // Reject: the e-mail never reaches the node, and the refusal names its kind, never the address itself.
        var withEmail = Abi.GetFunction("store").EncodeCall("write to alice@example.com");
        var refused = await RpcAsync(developerA.Client, id, developerKey.Sign(contract, withEmail, advance: false));
        Assert.Contains("an e-mail address in argument 1 of store(string)", Message(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("alice@", Message(refused), StringComparison.Ordinal);
        var byCenter = await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts/{contract}/invoke", new { function = "store", arguments = new[] { "bob@example.com" } });
        Assert.Equal(HttpStatusCode.BadRequest, byCenter.StatusCode);
        Assert.True((await byCenter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("arguments", out _));

        // Access rights: store(string) is the operating organization's only, wipe() its Owners' only.
        var plain = Abi.GetFunction("store").EncodeCall("nothing personal");
        Assert.Contains("'operator-org-stores'", Message(await RpcAsync(developerC.Client, id, memberKey.Sign(contract, plain, advance: false))), StringComparison.Ordinal);
        // Access right: wipe() is the Owners' only.
        var wipe = Abi.GetFunction("wipe").EncodeCall();
        Assert.Contains("'owners-only-wipe'", Message(await RpcAsync(developerA.Client, id, developerKey.Sign(contract, wipe, advance: false))), StringComparison.Ordinal);
        Assert.StartsWith("0x", (await RpcAsync(ownerA.Client, id, ownerKey.Sign(contract, wipe))).GetProperty("result").GetString(), StringComparison.Ordinal);

        var refusals = (await operatorA.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/gateway/refusals")).EnumerateArray().ToList();
        Assert.Equal(new[] { "pii-rejected", "policy-access-denied", "policy-access-denied" }, refusals.Select(r => r.GetProperty("rule").GetString()).Order());
        Assert.DoesNotContain(refusals, r => r.GetProperty("reason").GetString()!.Contains("alice@", StringComparison.Ordinal));

        // Encrypt: plaintext refused with the way to encrypt; the marker from the encrypt endpoint passes.
        var encrypting = new { pii = new { action = "encrypt" }, readers = new { confidential = new { organizations = new[] { a }, roles = new[] { "Operator" } } } };
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", encrypting)).StatusCode);
        var plaintext = await RpcAsync(developerA.Client, id, developerKey.Sign(contract, withEmail, advance: false));
        Assert.Contains($"/api/v1/networks/{id}/policy/encrypt", Message(plaintext), StringComparison.Ordinal);
        var encrypted = await (await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/policy/encrypt", new { text = "write to alice@example.com" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var marker = encrypted.GetProperty("marker").GetString()!;
        Assert.StartsWith("npenc1:confidential:", marker, StringComparison.Ordinal);
        var relayed = await RpcAsync(developerA.Client, id, developerKey.Sign(contract, Abi.GetFunction("store").EncodeCall(marker)));
        Assert.StartsWith("0x", relayed.GetProperty("result").GetString(), StringComparison.Ordinal);

        // The contract center encrypts before it signs: the chain holds ciphertext.
        var stored = await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts/{contract}/invoke", new { function = "store", arguments = new[] { "bob@example.com" } });
        var storedBody = await stored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(stored.IsSuccessStatusCode, storedBody.ToString());
        var onChain = (await (await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts/{contract}/invoke", new { function = "note" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outputs").GetProperty("0").GetString()!;
        Assert.StartsWith("npenc1:confidential:", onChain, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", onChain, StringComparison.Ordinal);

        // Server-side decryption: the Operator (a reader) sees the plaintext, the Developer only that it is encrypted.
        var hash = storedBody.GetProperty("transactionHash").GetString()!;
        await Eventually.HoldsAsync(async () => (await operatorA.Client.GetAsync($"/api/v1/networks/{id}/transactions/{hash}")).IsSuccessStatusCode,
            $"the explorer to index {hash}", TimeSpan.FromSeconds(30));
        var forOperator = Assert.Single((await DecryptAsync(operatorA.Client, id, hash)).EnumerateArray());
        Assert.Equal("bob@example.com", forOperator.GetProperty("plaintext").GetString());
        var forDeveloper = Assert.Single((await DecryptAsync(developerA.Client, id, hash)).EnumerateArray());
        Assert.Equal("confidential", forDeveloper.GetProperty("level").GetString());
        Assert.False(forDeveloper.GetProperty("mayRead").GetBoolean());
        Assert.Equal(JsonValueKind.Null, forDeveloper.GetProperty("plaintext").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/api/v1/networks/{id}/policy/decrypt", new { transactionHash = hash })).StatusCode);
        var reads = (await operatorA.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/policy/decryptions")).EnumerateArray().ToList();
        var read = Assert.Single(reads);
        Assert.Equal(operatorA.Email, read.GetProperty("userName").GetString());
        Assert.Equal(hash, read.GetProperty("transactionHash").GetString());

        // Secret: store(string) classified secret, sealed to a named recipient who opens it with their own key; Owners read secret payloads.
        var recipient = EthECKey.GenerateKey();
        var secret = new
        {
            levelRules = new[] { new { name = "notes-secret", level = "secret", contract, function = "store(string)" } },
            pii = new { action = "encrypt" },
            readers = new { confidential = new { organizations = new[] { a }, roles = new[] { "Operator" } }, secret = new { organizations = new[] { a }, roles = new[] { "Owner" } } },
            recipients = new[] { new { name = "auditor", publicKey = Hex.Encode(recipient.GetPubKey()) } },
        };
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.PutAsJsonAsync($"/api/v1/networks/{id}/policy", secret)).StatusCode);
        // Through the gateway, the confidential marker from before no longer does for a call now classified secret.
        Assert.Contains("\"level\": \"secret\"", Message(await RpcAsync(developerA.Client, id, developerKey.Sign(contract, Abi.GetFunction("store").EncodeCall(marker), advance: false))), StringComparison.Ordinal);
        var secretStore = await (await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts/{contract}/invoke", new { function = "store", arguments = new[] { "carol@example.com" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var sealedNote = (await (await developerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/contracts/{contract}/invoke", new { function = "note" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outputs").GetProperty("0").GetString()!;
        Assert.True(NutPortal.Core.SecurityPolicy.EncryptedMarker.TryParse(sealedNote, out var sealedMarker), sealedNote);
        Assert.Equal(NutPortal.Core.SecurityPolicy.SecurityLevel.Secret, sealedMarker.Level);
        using (var recipientKey = NutPortal.Core.Ethereum.Keys.PrivateKey.FromBytes(recipient.GetPrivateKeyAsBytes()))
        {
            Assert.Equal("carol@example.com", System.Text.Encoding.UTF8.GetString(NutPortal.Core.SecurityPolicy.PayloadCipher.DecryptAsRecipient(sealedMarker, recipientKey)));
        }
        var secretHash = secretStore.GetProperty("transactionHash").GetString()!;
        await Eventually.HoldsAsync(async () => (await operatorA.Client.GetAsync($"/api/v1/networks/{id}/transactions/{secretHash}")).IsSuccessStatusCode,
            $"the explorer to index {secretHash}", TimeSpan.FromSeconds(30));
        Assert.Equal("carol@example.com", Assert.Single((await DecryptAsync(ownerA.Client, id, secretHash)).EnumerateArray()).GetProperty("plaintext").GetString());
        Assert.False(Assert.Single((await DecryptAsync(operatorA.Client, id, secretHash)).EnumerateArray()).GetProperty("mayRead").GetBoolean());
        Assert.Equal(3, (await operatorA.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/policy/versions")).GetArrayLength());
    }

    private static async Task<JsonElement> DecryptAsync(HttpClient client, string id, string hash)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{id}/policy/decrypt", new { transactionHash = hash });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private static async Task<EthECKey> FundedKeyAsync(string rpcUrl)
    {
        var key = EthECKey.GenerateKey();
        using var node = new HttpClient();
        (await node.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method = "anvil_setBalance", @params = new[] { key.GetPublicAddress(), "0xDE0B6B3A7640000" } })).EnsureSuccessStatusCode();
        return key;
    }

    private static string Message(JsonElement reply) =>
        reply.TryGetProperty("error", out var error) ? error.GetProperty("message").GetString()! : throw new Xunit.Sdk.XunitException($"Expected a refusal, got {reply}");

    private static async Task<JsonElement> RpcAsync(HttpClient client, string networkId, string raw)
    {
        var response = await client.PostAsJsonAsync($"/rpc/{networkId}", new { jsonrpc = "2.0", id = 1, method = "eth_sendRawTransaction", @params = new[] { raw } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A test key signing EIP-155 transactions for anvil's chain 31337; the nonce moves on only for a transaction that should be relayed.</summary>
    private sealed class Sender(EthECKey key)
    {
        private BigInteger _nonce;

        public string Sign(string to, byte[] data, bool advance = true)
        {
            var raw = "0x" + new LegacyTransactionSigner().SignTransaction(key.GetPrivateKeyAsBytes(), 31337, to, 0, _nonce, 2_000_000_000, 500_000, Hex.Encode(data));
            _nonce += advance ? 1 : 0;
            return raw;
        }
    }
}
