using System.Globalization;
using System.Numerics;
using Nethereum.Signer;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Organizations;
using NutPortal.Tests.Wallets;

namespace NutPortal.Tests.DappStore;

/// <summary>The same provider driven by an unmodified web3.js 4 front end (<see cref="Web3TokenDappBundle"/>).</summary>
public sealed partial class DappProviderBrowserTests
{
    [BrowserFact]
    public async Task A_web3js_front_end_connects_reads_sends_signs_and_sees_reverts_and_another_dapp_sees_no_account()
    {
        using var user = await Tenants.UserAsync(world.Portal, world.OrganizationId, "Member");
        var account = await WalletApi.CreateAsync(user.Client, "web3 user");
        var address = account.GetProperty("address").GetString()!;
        await WalletApi.ReadAsync(await user.Client.PostAsync($"/api/v1/wallets/{account.GetProperty("id").GetInt64()}/networks/{world.NetworkId}/faucet", null), System.Net.HttpStatusCode.OK);
        await world.GiveTokensAsync(address, 100);
        using var friend = NutPortal.Core.Ethereum.Keys.PrivateKey.Generate();
        await using var browser = BrowserSession.Start(world.Portal.Address);
        await browser.SignInAsync(user.Email, Tenants.Password);
        await browser.GotoInteractiveAsync("dapps");
        await OpenFromStoreAsync(browser, world.Web3DappName, "Nut token on web3.js");

        // web3.js takes a provider whose request is an async function as EIP-1193 (web3-core's isEIP1193Provider), as it does MetaMask's.
        Assert.Equal("AsyncFunction", await browser.FrameEvaluateAsync<string>(Frame, "window.ethereum.request.constructor.name"));

        // web3.eth.requestAccounts: the user picks the account in the portal's dialog; web3 reads the chain id and the balance.
        await browser.FrameClickAsync(Frame, "#connect");
        await browser.WaitForTextAsync("[data-testid=provider-connect-dialog]", address);
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#balance", "100 NUT");
        Assert.Equal(address, await browser.FrameTextAsync(Frame, "#account"));
        Assert.Equal("4242", await browser.FrameTextAsync(Frame, "#chain"));

        // methods.transfer: estimateGas, then send({from}) waits for the user and resolves with the mined receipt.
        await browser.FrameFillAsync(Frame, "#to", friend.Address.ToString());
        await browser.FrameFillAsync(Frame, "#amount", "2.5");
        await browser.FrameClickAsync(Frame, "#transfer");
        await browser.WaitForTextAsync("[data-testid=provider-function]", "transfer(address,uint256)");
        Assert.Contains("2500000000000000000", await browser.TextAsync("[data-testid=provider-call]"), StringComparison.Ordinal);
        Assert.InRange(long.Parse((await browser.FrameTextAsync(Frame, "#gas"))!, CultureInfo.InvariantCulture), 21_001, 100_000);
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#status", "mined in block", 60_000);
        Assert.EndsWith(", status 1", await browser.FrameTextAsync(Frame, "#status"), StringComparison.Ordinal);
        await browser.FrameWaitForTextAsync(Frame, "#balance", "97.5 NUT");
        var held = await world.NodeAsync("eth_call", new { to = world.TokenAddress, data = "0x70a08231000000000000000000000000" + friend.Address.ToLowerHex()[2..] }, "latest");
        Assert.Equal(BigInteger.Parse("2500000000000000000", CultureInfo.InvariantCulture), BigInteger.Parse("0" + held.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        // Rejected in the dialog: web3.js reports the provider's 4001, and the account sent nothing more.
        await browser.FrameFillAsync(Frame, "#amount", "1");
        await browser.FrameClickAsync(Frame, "#transfer");
        await browser.WaitForTextAsync("[data-testid=provider-function]", "transfer(address,uint256)");
        await browser.ClickAsync("[data-testid=provider-reject]");
        await browser.FrameWaitForTextAsync(Frame, "#status", "error 4001 ");
        Assert.Equal("0x1", (await world.NodeAsync("eth_getTransactionCount", address, "latest")).GetString());
        Assert.Equal("97.5 NUT", await browser.FrameTextAsync(Frame, "#balance"));

        // web3.eth.personal.sign: approved, the signature recovers to the account.
        await browser.FrameClickAsync(Frame, "#sign");
        await browser.WaitForTextAsync("[data-testid=provider-message]", "I hold NUT on web3");
        await browser.ClickAsync("[data-testid=provider-approve]");
        await browser.FrameWaitForTextAsync(Frame, "#signature", "0x");
        var signature = (await browser.FrameTextAsync(Frame, "#signature"))!;
        Assert.Equal(address.ToLowerInvariant(), new EthereumMessageSigner().EncodeUTF8AndEcRecover("I hold NUT on web3", signature).ToLowerInvariant());

        // A call that reverts: web3.js gets the node's code 3 and revert data through the provider and decodes Error(string).
        await browser.FrameClickAsync(Frame, "#overdraw");
        await browser.FrameWaitForTextAsync(Frame, "#revert", "reverted");
        var revert = (await browser.FrameTextAsync(Frame, "#revert"))!;
        Assert.StartsWith("reverted 3 Error: balance too low ", revert, StringComparison.Ordinal);
        Assert.Empty(await browser.PageErrorsAsync());

        // Another DApp opened in the same tab (same circuit) sees no account until it is connected itself ...
        await OpenFromStoreAsync(browser, world.DappName, "Nut token");
        await browser.FrameWaitForTextAsync(Frame, "#eip6963", "NutPortal wallet");
        Assert.Equal("[]", await Request(browser, "eth_accounts"));
        Assert.StartsWith("error 4100 ", await Request(browser, "personal_sign", "'0x68656c6c6f'", $"'{address}'"), StringComparison.Ordinal);
        // ... while the web3.js DApp, opened again in that tab, still has its own connection without asking.
        await OpenFromStoreAsync(browser, world.Web3DappName, "Nut token on web3.js");
        Assert.Equal($"[\"{address.ToLowerInvariant()}\"]", await Request(browser, "eth_accounts"));
        Assert.Equal(0, await browser.CountAsync("[data-testid=provider-connect-dialog]"));
    }

    /// <summary>Goes to the store through the menu (no page load: the same circuit), finds the DApp and opens its front end.</summary>
    private static async Task OpenFromStoreAsync(BrowserSession browser, string dappName, string heading)
    {
        await browser.ClickAsync("a.mud-nav-link[href='dapps']");
        await browser.FillAsync("[data-testid=dapp-search]", dappName);
        await browser.WaitForTextAsync("[data-testid=dapp-card]", dappName);
        await browser.ClickAsync($"[data-testid=dapp-link] >> text={dappName}");
        await browser.ClickAsync(".mud-tab >> text=Use it");
        await browser.FrameWaitForTextAsync(Frame, "h1", heading);
    }
}
