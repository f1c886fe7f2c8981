using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nethereum.Signer;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Organizations;
using NutPortal.Tests.Wallets;

namespace NutPortal.Tests.DappStore;

/// <summary>
/// The DApp store's wallet provider in Chromium: an unmodified ethers front end (a web3.js one in the .Web3 part) in its
/// sandboxed frame connects to the user's wallet account, reads through the portal, and sends and signs only after the user
/// approves in the portal's dialogs.
/// </summary>
public sealed partial class DappProviderBrowserTests(ProviderWorld world) : IClassFixture<ProviderWorld>
{
    private const string Frame = "[data-testid=dapp-frame]";

    [Fact]
    public async Task Bundle_pages_get_the_provider_script_first_and_other_files_stay_as_uploaded()
    {
        var detail = await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{world.DappId}");
        var entry = detail.GetProperty("bundleUrl").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = world.Portal.Address };
        var page = await anonymous.GetAsync(entry);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"<!doctype html>\n<html lang=\"en\"><head><script src=\"{world.Portal.Address.ToString().TrimEnd('/')}/js/dapp-provider.js\"></script><meta charset", html, StringComparison.Ordinal);
        Assert.Contains("script-src " + world.Portal.Address.ToString().TrimEnd('/'), string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var script = await anonymous.GetAsync("/js/dapp-provider.js");
        Assert.True(script.IsSuccessStatusCode);
        Assert.Contains("eip6963:announceProvider", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var app = await anonymous.GetStringAsync(entry.Replace("index.html", "app.js", StringComparison.Ordinal));
        Assert.StartsWith("const TOKEN = ", app, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_new_user_funds_a_wallet_tries_the_token_dapp_and_approves_a_transfer_that_moves_the_wallet_and_the_live_counters()
    {
        using var newcomer = await Tenants.UserAsync(world.Portal, world.OrganizationId, "Member");
        using var friend = NutPortal.Core.Ethereum.Keys.PrivateKey.Generate();
        await using var browser = BrowserSession.Start(world.Portal.Address);
        await browser.SignInAsync(newcomer.Email, Tenants.Password);

        // A wallet, funded from the faucet for gas; the token's owner gives the newcomer 100 NUT.
        await browser.GotoInteractiveAsync("wallet");
        await browser.FillAsync("#wallet-name", "mine");
        await browser.ClickAsync("[data-testid=create-wallet]");
        await browser.WaitForTextAsync("[data-testid=wallet-row]", "mine");
        await browser.ClickAsync("[data-testid=wallet-link]");
        await browser.ChooseAsync("[data-testid=wallet-network]", "nut-chain (Ethereum (anvil))");
        await browser.ClickAsync("[data-testid=faucet]");
        await browser.WaitForTextAsync("[data-testid=wallet-balance]", "1 ETH");
        var walletPage = new Uri(await browser.UrlAsync()).PathAndQuery.TrimStart('/');
        var address = (await browser.TextAsync("[data-testid=wallet-address]"))!;
        await world.GiveTokensAsync(address, 100);

        // The store, the DApp, its front end: ethers asks for accounts and the portal asks the user which one.
        await browser.GotoInteractiveAsync("dapps");
        await browser.FillAsync("[data-testid=dapp-search]", world.DappName);
        await browser.WaitForTextAsync("[data-testid=dapp-card]", "Hold and send NUT");
        await browser.ClickAsync($"[data-testid=dapp-link] >> text={world.DappName}");
        await browser.ClickAsync(".mud-tab >> text=Use it");
        var counted = int.Parse((await browser.TextAsync("[data-testid=transactions-24h]"))!, NumberStyles.AllowThousands, CultureInfo.CurrentCulture);
        await browser.FrameWaitForTextAsync(Frame, "#eip6963", "NutPortal wallet");
        await browser.FrameClickAsync(Frame, "#connect");
        await browser.WaitForTextAsync("[data-testid=provider-connect-dialog]", address);
        var connectViolations = await browser.AccessibilityViolationsAsync();
        Assert.True(connectViolations.Count == 0, string.Join("\n", connectViolations));
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#balance", "100.0 NUT");
        Assert.Equal(address, await browser.FrameTextAsync(Frame, "#account"));
        Assert.Equal("4242", await browser.FrameTextAsync(Frame, "#chain"));
        Assert.Contains(address.ToLowerInvariant(), await browser.FrameTextAsync(Frame, "#accounts-event"), StringComparison.Ordinal);
        await browser.WaitForTextAsync("[data-testid=provider-connected]", address);

        // The transfer waits for the user, decoded with the DApp's saved ABI; approving sends it from the wallet account.
        await browser.FrameFillAsync(Frame, "#to", friend.Address.ToString());
        await browser.FrameFillAsync(Frame, "#amount", "2.5");
        await browser.FrameClickAsync(Frame, "#transfer");
        await browser.WaitForTextAsync("[data-testid=provider-function]", "transfer(address,uint256)");
        Assert.Contains("2500000000000000000", await browser.TextAsync("[data-testid=provider-call]"), StringComparison.Ordinal);
        Assert.Contains(friend.Address.ToString().ToLowerInvariant(), (await browser.TextAsync("[data-testid=provider-call]"))!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal("0 ETH", await browser.TextAsync("[data-testid=provider-value]"));
        var approvalViolations = await browser.AccessibilityViolationsAsync();
        Assert.True(approvalViolations.Count == 0, string.Join("\n", approvalViolations));
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#status", "mined in block", 60_000);
        await browser.FrameWaitForTextAsync(Frame, "#balance", "97.5 NUT");
        var held = await world.NodeAsync("eth_call", new { to = world.TokenAddress, data = "0x70a08231000000000000000000000000" + friend.Address.ToLowerHex()[2..] }, "latest");
        Assert.Equal(System.Numerics.BigInteger.Parse("2500000000000000000", CultureInfo.InvariantCulture),
            System.Numerics.BigInteger.Parse("0" + held.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        await browser.WaitForTextAsync("[data-testid=transactions-24h]", (counted + 1).ToString("N0", CultureInfo.CurrentCulture), 60_000);
        Assert.Empty(await browser.PageErrorsAsync());

        // The wallet shows what the DApp spent: tokens and the fee.
        await browser.GotoInteractiveAsync(walletPage);
        await browser.ChooseAsync("[data-testid=wallet-network]", "nut-chain (Ethereum (anvil))");
        await browser.WaitForTextAsync("[data-testid=token-row]", "97.5");
        Assert.NotEqual("1 ETH", await browser.TextAsync("[data-testid=wallet-balance]"));
    }

    [BrowserFact]
    public async Task The_provider_refuses_what_the_user_did_not_approve_signs_what_they_did_and_survives_a_flood()
    {
        using var user = await Tenants.UserAsync(world.Portal, world.OrganizationId, "Member");
        var account = await WalletApi.CreateAsync(user.Client, "dapp user");
        var address = account.GetProperty("address").GetString()!;
        await WalletApi.ReadAsync(await user.Client.PostAsync($"/api/v1/wallets/{account.GetProperty("id").GetInt64()}/networks/{world.NetworkId}/faucet", null), System.Net.HttpStatusCode.OK);
        await using var browser = BrowserSession.Start(world.Portal.Address);
        await browser.SignInAsync(user.Email, Tenants.Password);
        await browser.GotoInteractiveAsync($"dapps/{world.DappId}");
        await browser.ClickAsync(".mud-tab >> text=Use it");
        await browser.FrameWaitForTextAsync(Frame, "#eip6963", "NutPortal wallet");

        // Cut off from the portal: no cookie, no storage, no parent document; unknown methods 4200, signing before connecting 4100.
        Assert.StartsWith("blocked", await browser.FrameEvaluateAsync<string>(Frame, "(() => { try { return 'read ' + document.cookie; } catch (e) { return 'blocked ' + e.name; } })()"), StringComparison.Ordinal);
        Assert.StartsWith("blocked", await browser.FrameEvaluateAsync<string>(Frame, "(() => { try { return 'read ' + localStorage.length; } catch (e) { return 'blocked ' + e.name; } })()"), StringComparison.Ordinal);
        Assert.StartsWith("blocked", await browser.FrameEvaluateAsync<string>(Frame, "(() => { try { return 'read ' + parent.document.cookie; } catch (e) { return 'blocked ' + e.name; } })()"), StringComparison.Ordinal);
        Assert.Equal("[]", await Request(browser, "eth_accounts"));
        Assert.StartsWith("error 4100 ", await Request(browser, "personal_sign", "'0x68656c6c6f'", $"'{address}'"), StringComparison.Ordinal);
        Assert.StartsWith("error 4200 ", await Request(browser, "eth_sign", $"'{address}'", "'0x00'"), StringComparison.Ordinal);
        Assert.StartsWith("error 4200 ", await Request(browser, "anvil_setBalance", $"'{address}'", "'0xffff'"), StringComparison.Ordinal);
        Assert.StartsWith("error 4200 ", await Request(browser, "eth_sendRawTransaction", "'0x00'"), StringComparison.Ordinal);
        Assert.Matches("^\"0x[0-9a-f]+\"$", await Request(browser, "eth_blockNumber"));

        await browser.FrameClickAsync(Frame, "#connect");
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#balance", "0.0 NUT");

        // Rejected: ethers sees ACTION_REJECTED with the provider's 4001, and nothing reached the chain.
        using var friend = NutPortal.Core.Ethereum.Keys.PrivateKey.Generate();
        await browser.FrameFillAsync(Frame, "#to", friend.Address.ToString());
        await browser.FrameFillAsync(Frame, "#amount", "0");
        await browser.FrameClickAsync(Frame, "#transfer");
        await browser.WaitForTextAsync("[data-testid=provider-function]", "transfer(address,uint256)");
        await browser.ClickAsync("[data-testid=provider-reject]");
        await browser.FrameWaitForTextAsync(Frame, "#status", "ACTION_REJECTED 4001");
        Assert.Equal("0x0", (await world.NodeAsync("eth_getTransactionCount", address, "latest")).GetString());

        // personal_sign through ethers' signMessage: the signature recovers to the account (Nethereum, and ethers in the frame).
        await browser.FrameClickAsync(Frame, "#sign");
        await browser.WaitForTextAsync("[data-testid=provider-message]", "I hold NUT");
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#signature", "0x");
        var signature = (await browser.FrameTextAsync(Frame, "#signature"))!;
        Assert.Equal(address.ToLowerInvariant(), new EthereumMessageSigner().EncodeUTF8AndEcRecover("I hold NUT", signature).ToLowerInvariant());
        Assert.Equal(address, await browser.FrameEvaluateAsync<string>(Frame, $"ethers.verifyMessage('I hold NUT', '{signature}')"));

        // eth_signTypedData_v4 with the payload ethers builds; ethers recovers the signer.
        var typed = $$"""
            const domain = { name: 'Nut', version: '1', chainId: 4242, verifyingContract: '{{world.TokenAddress}}' };
            const types = { Permit: [{ name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }] };
            const value = { spender: '{{friend.Address}}', value: 42n };
            """;
        await browser.FrameEvaluateAsync<int>(Frame, $$"""
            (() => { {{typed}}
              window.typedResult = window.ethereum.request({ method: 'eth_signTypedData_v4',
                params: ['{{address}}', JSON.stringify(ethers.TypedDataEncoder.getPayload(domain, types, value))] }).catch(e => 'error ' + e.code);
              return 1; })()
            """);
        await browser.WaitForTextAsync("[data-testid=provider-message]", "Permit");
        await browser.ClickAsync("[data-testid=provider-approve]");
        Assert.Equal(address, await browser.FrameEvaluateAsync<string>(Frame, $$"""
            (async () => { {{typed}} return ethers.verifyTypedData(domain, types, value, await window.typedResult); })()
            """));

        // More than the balance: a clear error before any dialog, nothing sent.
        var overdraft = await Request(browser, "eth_sendTransaction", $"{{ from: '{address}', to: '{friend.Address}', value: '0x56bc75e2d63100000' }}");
        Assert.StartsWith("error -32000 insufficient funds", overdraft, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", overdraft, StringComparison.Ordinal);
        Assert.Equal(0, await browser.CountAsync("[data-testid=provider-transaction-dialog]"));

        // Another network selected: the DApp's contract is named with both networks; an unknown chain is 4902.
        Assert.Equal("null", await Request(browser, "wallet_switchEthereumChain", $"{{ chainId: '{ProviderWorld.OtherChainHex}' }}"));
        await browser.FrameWaitForTextAsync(Frame, "#chain-event", ProviderWorld.OtherChainHex);
        await browser.WaitForTextAsync("[data-testid=provider-network]", "other-chain");
        var elsewhere = await Request(browser, "eth_sendTransaction",
            $"{{ from: '{address}', to: '{world.TokenAddress}', data: '0xa9059cbb000000000000000000000000{friend.Address.ToLowerHex()[2..]}0000000000000000000000000000000000000000000000000000000000000001' }}");
        Assert.Contains("nut-chain", elsewhere, StringComparison.Ordinal);
        Assert.Contains("the selected network is other-chain", elsewhere, StringComparison.Ordinal);
        Assert.StartsWith("error 4902", await Request(browser, "wallet_switchEthereumChain", "{ chainId: '0x1' }"), StringComparison.Ordinal);
        Assert.Equal("null", await Request(browser, "wallet_switchEthereumChain", "{ chainId: '0x1092' }"));
        Assert.Equal("0", (await world.NodeAsync("eth_getTransactionCount", address, "latest")).GetString()![2..]);

        // A flood: refused at once with -32005 (in flight, then per second), every promise settles, and the page still answers.
        var flood = JsonDocument.Parse(await browser.FrameEvaluateAsync<string>(Frame, """
            (async () => {
              const parallel = await Promise.allSettled(Array.from({ length: 300 }, () => window.ethereum.request({ method: 'eth_blockNumber' })));
              let sequentialLimited = 0;
              for (let i = 0; i < 300; i++) {
                try { await window.ethereum.request({ method: 'eth_chainId' }); } catch (e) { if (e.code === -32005) sequentialLimited++; }
              }
              return JSON.stringify({
                ok: parallel.filter(r => r.status === 'fulfilled').length,
                limited: parallel.filter(r => r.status === 'rejected' && r.reason.code === -32005).length,
                sequentialLimited });
            })()
            """)).RootElement;
        Assert.True(flood.GetProperty("ok").GetInt32() > 0, flood.ToString());
        Assert.Equal(300, flood.GetProperty("ok").GetInt32() + flood.GetProperty("limited").GetInt32());
        Assert.True(flood.GetProperty("limited").GetInt32() > 0, flood.ToString());
        Assert.True(flood.GetProperty("sequentialLimited").GetInt32() > 0, flood.ToString());
        Assert.StartsWith("error -32602 The request is too large", await Request(browser, "eth_call", "{ data: '0x' + 'ab'.repeat(20000) }"), StringComparison.Ordinal);
        await browser.ClickAsync("[data-testid=provider-disconnect]");
        await browser.WaitForTextAsync("[data-testid=provider-status]", "not connected");
        await browser.FrameWaitForTextAsync(Frame, "#accounts-event", "[]");
        Assert.Empty(await browser.PageErrorsAsync());
    }

    /// <summary>Calls the frame's window.ethereum.request and returns the result as JSON, or "error {code} {message}".</summary>
    private static Task<string> Request(BrowserSession browser, string method, params string[] parameters) =>
        browser.FrameEvaluateAsync<string>(Frame,
            $"window.ethereum.request({{ method: '{method}', params: [{string.Join(", ", parameters)}] }}).then(r => JSON.stringify(r ?? null), e => `error ${{e.code}} ${{e.message}}`.trim())");
}
