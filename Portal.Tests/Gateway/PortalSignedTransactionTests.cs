using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using NutPortal.Core.Contracts;
using NutPortal.Core.DappStore;
using NutPortal.Core.DappStore.Provider;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Organizations;
using NutPortal.Core.Wallets;
using NutPortal.Tests.IdentityChain;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.IdentityChain.IdentityChainApi;

namespace NutPortal.Tests.Gateway;

/// <summary>
/// Transactions the portal signs itself for a user obey the network's rules as the gateway does, on real anvil and solc:
/// a function the security policy reserves for Owners is refused to a Developer through the contract center (recorded
/// with the gateway's refusals, nothing sent) and goes through for the Owner; on a network that requires identity, a
/// wallet send is refused until the wallet's account is a registered identity, and again once it is revoked, while the
/// portal's own sends (faucet, identity registry) keep working; a DApp provider's send an access rule refuses answers
/// EIP-1193 4100 naming the rule.
/// </summary>
public sealed class PortalSignedTransactionTests(IdentityChainPortal portal) : IClassFixture<IdentityChainPortal>
{
    private const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;
        contract Notes {
            string public note = "kept";
            function store(string calldata text) external { note = text; }
            function wipe() external { note = ""; }
        }
        """;

    /// <summary>The ABI of <see cref="Source"/>'s two writes, as a DApp front end holds it.</summary>
    private const string NotesAbi = """
        [{"type":"function","name":"store","stateMutability":"nonpayable","inputs":[{"name":"text","type":"string"}],"outputs":[]},
         {"type":"function","name":"wipe","stateMutability":"nonpayable","inputs":[],"outputs":[]}]
        """;

    [Fact]
    public async Task A_developer_cannot_invoke_an_owners_only_function_through_the_contract_center_and_the_owner_can()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Signed {Guid.NewGuid():N}");
        using var operatorUser = await Tenants.UserAsync(portal, org, "Operator");
        using var developer = await Tenants.UserAsync(portal, org, "Developer");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, rpcUrl) = await NetworkAsync(operatorUser.Client, "portal-signed-policy");
        var deployed = await developer.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts", new { source = Source, contractName = "Notes" });
        var contract = (await Ok(deployed)).GetProperty("address").GetString()!;
        var policy = new
        {
            accessRules = new[] { new { name = "owners-only-wipe", contract, function = "wipe()", organizations = new[] { org }, roles = new[] { "Owner" } } },
        };
        Assert.Equal(HttpStatusCode.OK, (await operatorUser.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", policy)).StatusCode);
        var signer = await portal.Services.GetRequiredService<NetworkSigner>().SenderAsync(networkId, CancellationToken.None);
        var nonce = await NodeAsync(rpcUrl, "eth_getTransactionCount", signer, "pending");

        var refused = await developer.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts/{contract}/invoke", new { function = "wipe" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("'owners-only-wipe'", detail, StringComparison.Ordinal);
        Assert.Contains("policy-access-denied", detail, StringComparison.Ordinal);
        Assert.Equal(nonce, await NodeAsync(rpcUrl, "eth_getTransactionCount", signer, "pending"));
        Assert.Equal("kept", await NoteAsync(developer.Client, networkId, contract));
        var refusal = Assert.Single((await operatorUser.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/gateway/refusals")).EnumerateArray());
        Assert.Equal("policy-access-denied", refusal.GetProperty("rule").GetString());
        Assert.Equal("portal-signed (contract center)", refusal.GetProperty("method").GetString());
        Assert.Equal(signer, refusal.GetProperty("sender").GetString());

        var wiped = await Ok(await owner.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts/{contract}/invoke", new { function = "wipe" }));
        Assert.True(wiped.GetProperty("succeeded").GetBoolean());
        Assert.Equal("", await NoteAsync(developer.Client, networkId, contract));
        // A function no rule covers stays open to the Developer.
        Assert.True((await Ok(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts/{contract}/invoke", new { function = "store", arguments = new[] { "again" } })))
            .GetProperty("succeeded").GetBoolean());

        // Level rules by sender organization see the acting user's organization: their personal data is sealed at the secret level.
        var recipient = EthECKey.GenerateKey();
        var bySender = new
        {
            levelRules = new[] { new { name = "org-secret", level = "secret", senderOrganization = org } },
            pii = new { action = "encrypt" },
            recipients = new[] { new { name = "auditor", publicKey = recipient.GetPubKey().ToHex(true) } },
        };
        Assert.Equal(HttpStatusCode.OK, (await operatorUser.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", bySender)).StatusCode);
        await Ok(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts/{contract}/invoke", new { function = "store", arguments = new[] { "bob@example.com" } }));
        Assert.StartsWith("npenc1:secret:", await NoteAsync(developer.Client, networkId, contract), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wallet_send_on_a_network_requiring_identity_goes_through_only_while_the_account_is_a_registered_identity()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Identity wallet {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var user = await Tenants.UserAsync(portal, org, "Developer");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, "portal-signed-identity");
        var chainId = await DeployedChainAsync(owner.Client, "secp256k1", networkId);
        await Ok(await owner.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/identity-requirement", new { identityChainId = chainId }));
        var walletKey = EthECKey.GenerateKey();
        var imported = await Ok(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-key", new { name = "mine", privateKey = walletKey.GetPrivateKeyAsBytes().ToHex(true) }));
        var account = imported.GetProperty("id").GetInt64();
        var address = walletKey.GetPublicAddress().ToLowerInvariant();
        // The faucet pays from the network's own account: a system send, exempt from the requirement.
        await Ok(await user.Client.PostAsync($"/api/v1/wallets/{account}/networks/{networkId}/faucet", null));
        // The contract center signs with the network's account for the user: the user must hold an identity there.
        var deploy = new { source = Source, contractName = "Notes" };
        var unvouched = await user.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts", deploy);
        Assert.Equal(HttpStatusCode.Forbidden, unvouched.StatusCode);
        Assert.Contains("holds no identity there", (await unvouched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var send = new { to = "0x00000000000000000000000000000000000000aa", amount = "0.1" };

        var refused = await user.Client.PostAsJsonAsync($"/api/v1/wallets/{account}/networks/{networkId}/send", send);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("identity-required", detail, StringComparison.Ordinal);
        Assert.Contains(chainId, detail, StringComparison.Ordinal);
        Assert.Contains(address, detail, StringComparison.Ordinal);
        Assert.Equal("0x0", await NodeAsync(rpcUrl, "eth_getTransactionCount", address, "pending"));

        // Registered with the wallet's own key (the registry write is the portal's: exempt too), the send goes through.
        using var identityKey = new Secp256k1Key(walletKey);
        var identity = await RegisterAsync(user.Client, chainId, identityKey);
        Assert.True((await Ok(await user.Client.PostAsJsonAsync($"/api/v1/wallets/{account}/networks/{networkId}/send", send))).GetProperty("succeeded").GetBoolean());
        Assert.Equal("0x1", await NodeAsync(rpcUrl, "eth_getTransactionCount", address, "pending"));
        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts", deploy)).StatusCode);

        // Revoked in the registry: refused again, naming it.
        await Ok(await owner.Client.PostAsync($"/api/v1/identity-chains/{chainId}/identities/{identity.GetProperty("id").GetString()}/revoke", null));
        var afterRevoke = await user.Client.PostAsJsonAsync($"/api/v1/wallets/{account}/networks/{networkId}/send", send);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterRevoke.StatusCode);
        Assert.Contains("is revoked", (await afterRevoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("0x1", await NodeAsync(rpcUrl, "eth_getTransactionCount", address, "pending"));
        var rules = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/gateway/refusals")).EnumerateArray()
            .Select(r => (r.GetProperty("rule").GetString(), r.GetProperty("method").GetString())).ToList();
        Assert.Equal([("identity-revoked", "portal-signed (wallet)"), ("identity-required", "portal-signed (wallet)"), ("identity-required", "portal-signed (contract center)")], rules);
    }

    [Fact]
    public async Task A_dapp_provider_send_an_access_rule_refuses_answers_4100_naming_the_rule_and_sends_nothing()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Signed DApp {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var user = await Tenants.UserAsync(portal, org, "Developer");
        var (networkId, rpcUrl) = await NetworkAsync(owner.Client, "portal-signed-dapp");
        var contract = (await Ok(await owner.Client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts", new { source = Source, contractName = "Notes" })))
            .GetProperty("address").GetString()!;
        var policy = new { accessRules = new[] { new { name = "owners-only-wipe", contract, function = "wipe()", organizations = new[] { org }, roles = new[] { "Owner" } } } };
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", policy)).StatusCode);
        var walletKey = EthECKey.GenerateKey();
        var account = (await Ok(await user.Client.PostAsJsonAsync("/api/v1/wallets/import-key", new { name = "dapp", privateKey = walletKey.GetPrivateKeyAsBytes().ToHex(true) })))
            .GetProperty("id").GetInt64();
        await Ok(await user.Client.PostAsync($"/api/v1/wallets/{account}/networks/{networkId}/faucet", null));
        var address = walletKey.GetPublicAddress().ToLowerInvariant();
        // The user's DApp frame, connected to that wallet account, approving whatever it is shown (the page's dialogs).
        var caller = await portal.Services.GetRequiredService<OrganizationAccess>().LoadCallerAsync(user.Id, user.Email, false, org);
        var dapp = new Dapp
        {
            Id = "notes-dapp", Name = "Notes", Summary = "", Description = "", Category = "Tools", NetworkId = networkId, OrganizationId = org, OwnerId = user.Id, OwnerName = user.Email,
        };
        var connections = new DappConnections();
        connections.Connect(dapp.Id, account);
        using var session = portal.Services.GetRequiredService<DappProvider>().Open(
            new DappDetail(dapp, "portal-signed-dapp", "ethereum-anvil", "instant", 1, [], null, null, 0, false), caller, new ApproveAll(), connections);
        var abi = ContractAbi.Parse(NotesAbi);
        JsonElement Send(string function, params object?[] arguments) =>
            JsonSerializer.SerializeToElement(new[] { new { from = address, to = contract, data = Hex.Encode(abi.GetFunction(function).EncodeCall(arguments)) } });

        var refused = await Assert.ThrowsAsync<ProviderException>(() => session.HandleAsync("eth_sendTransaction", Send("wipe"), CancellationToken.None));

        Assert.Equal(ProviderException.Unauthorized, refused.Code);
        Assert.Contains("'owners-only-wipe'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent.", refused.Message, StringComparison.Ordinal);
        Assert.Equal("0x0", await NodeAsync(rpcUrl, "eth_getTransactionCount", address, "pending"));
        var refusal = Assert.Single((await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/gateway/refusals")).EnumerateArray());
        Assert.Equal(("policy-access-denied", "portal-signed (DApp provider)", address),
            (refusal.GetProperty("rule").GetString(), refusal.GetProperty("method").GetString(), refusal.GetProperty("sender").GetString()?.ToLowerInvariant()));
        // A function no rule covers goes through the same session.
        Assert.NotNull(await session.HandleAsync("eth_sendTransaction", Send("store", "from the dapp"), CancellationToken.None));
        Assert.Equal("0x1", await NodeAsync(rpcUrl, "eth_getTransactionCount", address, "pending"));
    }

    private static async Task<string> NoteAsync(HttpClient client, string networkId, string contract) =>
        (await Ok(await client.PostAsJsonAsync($"/api/v1/networks/{networkId}/contracts/{contract}/invoke", new { function = "note" })))
            .GetProperty("outputs").GetProperty("0").GetString()!;

    /// <summary>Asks the node itself (not the portal): what reached the chain.</summary>
    private static async Task<string> NodeAsync(string rpcUrl, string method, params object[] parameters)
    {
        using var node = new HttpClient();
        var reply = await Ok(await node.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method, @params = parameters }));
        return reply.GetProperty("result").GetString()!;
    }

    /// <summary>The user's answers in the page's dialogs: the first account, and yes to every transaction and signature.</summary>
    private sealed class ApproveAll : IProviderApprovals
    {
        public Task<WalletAccountView?> ChooseAccountAsync(string dappName, IReadOnlyList<WalletAccountView> accounts, CancellationToken ct) => Task.FromResult(accounts.Count > 0 ? accounts[0] : null);

        public Task<bool> ApproveTransactionAsync(TransactionPreview preview, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> ApproveSignatureAsync(SignaturePreview preview, CancellationToken ct) => Task.FromResult(true);
    }
}
