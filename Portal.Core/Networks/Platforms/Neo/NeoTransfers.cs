using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Networks.Platforms.Transfers;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// Transfer workloads on Neo: a "portal" wallet in the network's neo-express file, funded with GAS from the consensus
/// nodes' genesis account (<c>neoxp transfer</c>), is opened on the sending node (<c>openwallet</c> with a NEP-6
/// export under a password made for the run), and the node signs each 0.0001 GAS transfer to the wallet's own
/// address (<c>sendtoaddress</c>), as Litecoin's node wallet does. Nodes are watched through getrawmempool and
/// their best block.
/// </summary>
internal sealed class NeoTransfers(NodeRpc rpc, NeoExpress tool)
{
    public const string WalletName = "portal";
    private const string Gas = "0xd2a4cff31913016155e38e474a2c06d08be276cf";
    private const long AmountUnits = 10_000; // 0.0001 GAS (8 decimals)

    /// <summary>GAS a transfer costs with its fees (about 0.1 system fee and 0.012 network fee on neo-express), rounded up.</summary>
    private const decimal GasPerTransfer = 0.2m;

    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _validators = new(StringComparer.Ordinal);

    public async Task<string> PrepareAsync(NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct)
    {
        var networkDirectory = Path.GetDirectoryName(sender.DataDirectory)!;
        var file = Path.Combine(networkDirectory, NeoExpressFile.FileName);
        var address = await WalletAddressAsync(networkDirectory, file, ct);
        var wanted = Math.Max(100m, transfers * GasPerTransfer);
        var held = await GasAsync(sender, address, ct);
        var done = $"The portal wallet {address} holds {held:0.########} GAS";
        if (held < wanted)
        {
            var top = decimal.Ceiling(wanted * 2 - held);
            await tool.RunAsync(networkDirectory, ["transfer", top.ToString(CultureInfo.InvariantCulture), "GAS", "genesis", WalletName, "-i", file], ct);
            var wait = TimeSpan.FromSeconds(60);
            await BlockWait.UntilAsync(async () => (await Task.WhenAll(nodes.Select(n => GasAsync(n, address, ct)))).All(g => g >= wanted), wait,
                $"The portal wallet's {top} GAS from the genesis account did not reach every node within {wait.TotalSeconds:0} s.",
                "Open the nodes' logs: dBFT must be making blocks.", ct);
            done = $"The consensus nodes' genesis account sent {top} GAS to the portal wallet {address}";
        }
        await OpenWalletAsync(sender, networkDirectory, file, ct);
        _addresses[sender.Id] = address;
        return done;
    }

    public async Task<string> SendAsync(NetworkNode sender, CancellationToken ct)
    {
        var address = _addresses.GetValueOrDefault(sender.Id) ?? throw new InvalidOperationException($"{sender.Name} was not prepared to send.");
        var sent = await rpc.CallAsync(Url(sender), "sendtoaddress", [Gas, address, AmountUnits.ToString(CultureInfo.InvariantCulture)], null, ct);
        return NodeRpc.Read(sent, t => Text(t.GetProperty("hash")), "sendtoaddress answer");
    }

    public async Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct)
    {
        var r = await rpc.BatchAsync(Url(node), [("getrawmempool", []), ("getblockcount", []), ("getbestblockhash", [])], null, ct);
        var pool = NodeRpc.Read(r[0], a => a.EnumerateArray().Select(Text).ToHashSet(StringComparer.Ordinal), "getrawmempool answer");
        return NodeRpc.Read(r[1], c => new NodeView(pool, c.GetInt64() - 1, Text(r[2])), "getblockcount answer");
    }

    public async Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct)
    {
        var block = await rpc.CallAsync(Url(node), "getblock", [hash, true], null, ct);
        var validators = await ValidatorsAsync(node, ct);
        return NodeRpc.Read(block, b => new BlockView(Text(b.GetProperty("hash")),
            b.TryGetProperty("previousblockhash", out var parent) ? Text(parent) : "", b.GetProperty("index").GetInt64(),
            [.. b.GetProperty("tx").EnumerateArray().Select(t => Text(t.GetProperty("hash")))],
            b.GetProperty("primary").GetInt32() is var primary && primary >= 0 && primary < validators.Count ? validators[primary] : null), "getblock answer");
    }

    /// <summary>
    /// The consensus node's public key, from its single-signature verification script in the neo-express file
    /// (PUSHDATA1 33 bytes, then the key, then SYSCALL CheckSig).
    /// </summary>
    public static async Task<string?> ConsensusKeyAsync(NetworkNode node, CancellationToken ct)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(NeoExpressFile.PathFor(node.DataDirectory), ct));
        var script = json?["consensus-nodes"]?[NodeNumbers.Index(node)]?["wallet"]?["accounts"]?.AsArray()
            .Select(a => a?["contract"]?["script"]?.GetValue<string>()).FirstOrDefault(s => s is { Length: 80 } && s.StartsWith("0c21", StringComparison.Ordinal));
        return script?.Substring(4, 66);
    }

    /// <summary>The validators in dBFT's order: a block's "primary" indexes this list (fixed on a neo-express network).</summary>
    private async Task<IReadOnlyList<string>> ValidatorsAsync(NetworkNode node, CancellationToken ct)
    {
        if (_validators.TryGetValue(node.NetworkId, out var known))
        {
            return known;
        }
        var answer = await rpc.CallAsync(Url(node), "getnextblockvalidators", [], null, ct);
        var validators = NodeRpc.Read(answer, v => v.EnumerateArray().Select(x => Text(x.GetProperty("publickey"))).ToList(), "getnextblockvalidators answer");
        return _validators[node.NetworkId] = validators;
    }

    /// <summary>The portal wallet's address, made in the network's neo-express file the first time (the file holds the consensus keys the same way).</summary>
    private async Task<string> WalletAddressAsync(string networkDirectory, string file, CancellationToken ct)
    {
        if (Address(await File.ReadAllTextAsync(file, ct)) is { } known)
        {
            return known;
        }
        await tool.RunAsync(networkDirectory, ["wallet", "create", WalletName, "-i", file], ct);
        return Address(await File.ReadAllTextAsync(file, ct))
            ?? throw new NodeStartException("neoxp made no portal wallet in the network's file.", "Check that neo-express runs here: " + NeoExpress.InstallCommand + ".");
    }

    private static string? Address(string neoExpressFile) =>
        JsonNode.Parse(neoExpressFile)?["wallets"]?.AsArray().FirstOrDefault(w => (string?)w?["name"] == WalletName)?["accounts"]?[0]?["script-hash"]?.GetValue<string>();

    /// <summary>
    /// Exports the wallet as NEP-6 under a fresh random password into the sender's folder (readable by the portal's user
    /// only) and opens it on the node; a node restart closes it, so every workload opens it again.
    /// </summary>
    private async Task OpenWalletAsync(NetworkNode sender, string networkDirectory, string file, CancellationToken ct)
    {
        var nep6 = Path.Combine(sender.DataDirectory, "portal-wallet.json");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await tool.RunAsync(networkDirectory, ["wallet", "export", WalletName, "-i", file, "-o", nep6, "-f"], password + "\r", ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(nep6, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var opened = await rpc.CallAsync(Url(sender), "openwallet", [nep6, password], null, ct);
        if (!NodeRpc.Read(opened, o => o.ValueKind == JsonValueKind.True, "openwallet answer"))
        {
            throw new NodeRpcException($"{sender.Name} did not open the portal wallet.");
        }
    }

    private async Task<decimal> GasAsync(NetworkNode node, string address, CancellationToken ct)
    {
        var balances = await NeoReads.BalancesAsync(rpc, Url(node), address, ct);
        return decimal.Parse(balances.Balances.First(b => b.Asset == "GAS").Units, CultureInfo.InvariantCulture) / 100_000_000m;
    }

    private static Uri Url(NetworkNode node) => new(node.RpcUrl ?? throw new NodeRpcException($"{node.Name} has no RPC address yet."));

    private static string Text(JsonElement e) => e.GetString() ?? throw new FormatException("a string was expected");
}
