namespace NutPortal.Tests.DappStore;

/// <summary>
/// A token DApp's front end as a developer writes it for MetaMask, unchanged: ethers v6's UMD build from node_modules and
/// an app that uses <c>new ethers.BrowserProvider(window.ethereum)</c>, reads the NUT balance and calls <c>transfer</c>.
/// It also shows the provider's events and what EIP-6963 announced, and keeps every error's code on the page.
/// </summary>
internal static class TokenDappBundle
{
    private const string Index = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Nut wallet DApp</title>
        <script src="ethers.umd.min.js"></script><script src="app.js"></script></head>
        <body>
          <h1>Nut token</h1>
          <button id="connect">Connect</button>
          <p>Account <span id="account">none</span> on chain <span id="chain">?</span>, balance <span id="balance">?</span></p>
          <input id="to" aria-label="recipient"><input id="amount" aria-label="amount"><button id="transfer">Transfer</button>
          <p id="status">idle</p>
          <input id="message" aria-label="message" value="I hold NUT"><button id="sign">Sign</button>
          <p id="signature"></p>
          <p>accountsChanged <span id="accounts-event">-</span>, chainChanged <span id="chain-event">-</span>, EIP-6963 <span id="eip6963">-</span></p>
        </body></html>
        """;

    private const string App = """
        const TOKEN = '__TOKEN__';
        const ABI = ['function balanceOf(address) view returns (uint256)', 'function transfer(address to, uint256 amount) returns (bool)',
          'function decimals() view returns (uint8)', 'function symbol() view returns (string)'];
        const $ = id => document.getElementById(id);
        const show = (id, text) => { $(id).textContent = text; };
        const describe = e => `${e.code ?? ''} ${e.info?.error?.code ?? e.error?.code ?? ''} ${e.info?.error?.message ?? e.shortMessage ?? e.message}`;
        let provider, signer, token;

        async function refresh() {
          const [balance, decimals, symbol] = await Promise.all([token.balanceOf(await signer.getAddress()), token.decimals(), token.symbol()]);
          show('balance', `${ethers.formatUnits(balance, decimals)} ${symbol}`);
        }

        async function connect() {
          try {
            provider = new ethers.BrowserProvider(window.ethereum);
            signer = await provider.getSigner();
            token = new ethers.Contract(TOKEN, ABI, signer);
            show('account', await signer.getAddress());
            show('chain', (await provider.getNetwork()).chainId.toString());
            await refresh();
          } catch (e) {
            show('status', 'error ' + describe(e));
          }
        }

        async function transfer() {
          show('status', 'waiting for approval');
          try {
            const tx = await token.transfer($('to').value, ethers.parseUnits($('amount').value, 18));
            show('status', 'sent ' + tx.hash);
            const receipt = await tx.wait();
            show('status', `mined in block ${receipt.blockNumber}`);
            await refresh();
          } catch (e) {
            show('status', 'error ' + describe(e));
          }
        }

        async function sign() {
          try {
            show('signature', await signer.signMessage($('message').value));
          } catch (e) {
            show('signature', 'error ' + describe(e));
          }
        }

        window.addEventListener('eip6963:announceProvider', e => show('eip6963', e.detail.info.name));
        window.ethereum.on('accountsChanged', a => show('accounts-event', JSON.stringify(a)));
        window.ethereum.on('chainChanged', c => show('chain-event', c));
        document.addEventListener('DOMContentLoaded', () => {
          $('connect').addEventListener('click', connect);
          $('transfer').addEventListener('click', transfer);
          $('sign').addEventListener('click', sign);
          window.dispatchEvent(new Event('eip6963:requestProvider'));
        });
        """;

    public static byte[] Zip(string tokenAddress)
    {
        var ethers = Path.Combine(NutPortal.Tests.Infrastructure.NodeScript.RepoRoot, "node_modules", "ethers", "dist", "ethers.umd.min.js");
        return BundleZips.Make(
            ("index.html", BundleZips.Text(Index)),
            ("ethers.umd.min.js", File.ReadAllBytes(ethers)),
            ("app.js", BundleZips.Text(App.Replace("__TOKEN__", tokenAddress, StringComparison.Ordinal))));
    }
}
