using System.Collections.Concurrent;
using System.Text.Json;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// RPC to one litecoind: authenticated by the cookie the node writes in its data folder (so no password is on a
/// command line), and the wallet a mining node pays its coinbase to, loaded or created on first use.
/// </summary>
public sealed class LitecoinNode(NodeRpc rpc)
{
    public const string WalletName = "portal";
    private readonly ConcurrentDictionary<string, string> _miningAddresses = new(StringComparer.Ordinal);

    private static readonly TimeSpan WalletSetupTimeout = TimeSpan.FromSeconds(30);

    public Task<JsonElement> CallAsync(NetworkNode node, string method, object[] parameters, CancellationToken ct) =>
        rpc.CallAsync(Url(node), method, parameters, Cookie(node), ct);

    public Task<IReadOnlyList<JsonElement>> BatchAsync(NetworkNode node, IReadOnlyList<(string, object[])> calls, CancellationToken ct) =>
        rpc.BatchAsync(Url(node), calls, Cookie(node), ct);

    /// <summary>The address this node mines to, from the portal's wallet on it (loaded, or created the first time).</summary>
    public async Task<string> MiningAddressAsync(NetworkNode node, CancellationToken ct)
    {
        if (_miningAddresses.TryGetValue(node.Id, out var known))
        {
            return known;
        }
        var wallets = await CallAsync(node, "listwallets", [], ct);
        if (!wallets.EnumerateArray().Any(w => w.GetString() == WalletName))
        {
            var onDisk = await CallAsync(node, "listwalletdir", [], ct);
            var exists = onDisk.GetProperty("wallets").EnumerateArray().Any(w => w.GetProperty("name").GetString() == WalletName);
            // Creating or loading a wallet writes its database to disk: seconds on a busy machine, so it gets longer than a read.
            await rpc.CallAsync(Url(node), exists ? "loadwallet" : "createwallet", [WalletName], Cookie(node), WalletSetupTimeout, ct);
        }
        var address = (await WalletCallAsync(node, "getnewaddress", [], ct)).GetString()!;
        return _miningAddresses[node.Id] = address;
    }

    /// <summary>A call on the node's "portal" wallet (it must be loaded: <see cref="MiningAddressAsync"/> does that).</summary>
    public Task<JsonElement> WalletCallAsync(NetworkNode node, string method, object[] parameters, CancellationToken ct) =>
        rpc.CallAsync(new Uri(Url(node), "wallet/" + WalletName), method, parameters, Cookie(node), ct);

    public void Forget(NetworkNode node) => _miningAddresses.TryRemove(node.Id, out _);

    private static Uri Url(NetworkNode node) => new((node.RpcUrl ?? throw new NodeRpcException($"{node.Name} has no RPC address yet.")) + "/");

    private static string Cookie(NetworkNode node)
    {
        var path = Path.Combine(node.DataDirectory, "regtest", ".cookie");
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException ex)
        {
            throw new NodeRpcException($"{node.Name} has not written its RPC cookie ({path}) yet.", ex);
        }
    }
}
