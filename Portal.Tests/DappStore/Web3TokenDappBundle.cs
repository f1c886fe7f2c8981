namespace NutPortal.Tests.DappStore;

/// <summary>
/// The token DApp's front end written with web3.js 4 as a developer writes it for MetaMask, unchanged: web3's browser build
/// from node_modules and an app that uses <c>new Web3(window.ethereum)</c>, asks for accounts, reads the chain id and the NUT
/// balance, estimates and sends <c>transfer</c> (waiting for the receipt), signs with <c>web3.eth.personal.sign</c> and makes a
/// call that reverts. Every error is shown with the code web3.js reports, and the revert with its decoded reason.
/// </summary>
internal static class Web3TokenDappBundle
{
    private const string Index = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Nut web3 DApp</title>
        <script src="web3.min.js"></script><script src="app.js"></script></head>
        <body>
          <h1>Nut token on web3.js</h1>
          <button id="connect">Connect</button>
          <p>Account <span id="account">none</span> on chain <span id="chain">?</span>, balance <span id="balance">?</span></p>
          <input id="to" aria-label="recipient"><input id="amount" aria-label="amount"><button id="transfer">Transfer</button>
          <p>Gas <span id="gas">?</span>: <span id="status">idle</span></p>
          <input id="message" aria-label="message" value="I hold NUT on web3"><button id="sign">Sign</button>
          <p id="signature"></p>
          <button id="overdraw">Send more than I hold</button>
          <p id="revert"></p>
        </body></html>
        """;

    private const string App = """
        const TOKEN = '__TOKEN__';
        const ABI = [
          { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }], outputs: [{ name: '', type: 'uint256' }] },
          { type: 'function', name: 'symbol', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'string' }] },
          { type: 'function', name: 'transfer', stateMutability: 'nonpayable', inputs: [{ name: 'to', type: 'address' }, { name: 'value', type: 'uint256' }], outputs: [{ name: '', type: 'bool' }] },
        ];
        const $ = id => document.getElementById(id);
        const show = (id, text) => { $(id).textContent = text; };
        // web3.js passes the provider's error on (code 4001 and the like); a revert is a ContractExecutionError whose cause is
        // the node's error, decoded (EIP-838) into errorName and errorArgs.
        const describe = e => {
          const inner = e.cause ?? e;
          return `${inner.code ?? e.code} ${inner.errorName ? `${inner.errorName}: ${inner.errorArgs?.message}` : ''} ${inner.message ?? e.message}`;
        };
        let web3, token, account;

        async function refresh() {
          const [balance, symbol] = await Promise.all([token.methods.balanceOf(account).call(), token.methods.symbol().call()]);
          show('balance', `${web3.utils.fromWei(balance, 'ether')} ${symbol}`);
        }

        async function connect() {
          try {
            web3 = new Web3(window.ethereum);
            [account] = await web3.eth.requestAccounts();
            token = new web3.eth.Contract(ABI, TOKEN);
            show('account', web3.utils.toChecksumAddress(account));
            show('chain', (await web3.eth.getChainId()).toString());
            await refresh();
          } catch (e) {
            show('status', 'error ' + describe(e));
          }
        }

        async function transfer() {
          const call = token.methods.transfer($('to').value, web3.utils.toWei($('amount').value, 'ether'));
          try {
            show('gas', (await call.estimateGas({ from: account })).toString());
            show('status', 'waiting for approval');
            const receipt = await call.send({ from: account });
            show('status', `mined in block ${receipt.blockNumber}, status ${receipt.status}`);
            await refresh();
          } catch (e) {
            show('status', 'error ' + describe(e));
          }
        }

        async function sign() {
          try {
            show('signature', await web3.eth.personal.sign($('message').value, account, ''));
          } catch (e) {
            show('signature', 'error ' + describe(e));
          }
        }

        async function overdraw() {
          try {
            await token.methods.transfer($('to').value, web3.utils.toWei('1000000000', 'ether')).call({ from: account });
            show('revert', 'no revert');
          } catch (e) {
            show('revert', 'reverted ' + describe(e));
          }
        }

        document.addEventListener('DOMContentLoaded', () => {
          $('connect').addEventListener('click', connect);
          $('transfer').addEventListener('click', transfer);
          $('sign').addEventListener('click', sign);
          $('overdraw').addEventListener('click', overdraw);
        });
        """;

    public static byte[] Zip(string tokenAddress)
    {
        var web3 = Path.Combine(NutPortal.Tests.Infrastructure.NodeScript.RepoRoot, "node_modules", "web3", "dist", "web3.min.js");
        return BundleZips.Make(
            ("index.html", BundleZips.Text(Index)),
            ("web3.min.js", File.ReadAllBytes(web3)),
            ("app.js", BundleZips.Text(App.Replace("__TOKEN__", tokenAddress, StringComparison.Ordinal))));
    }
}
