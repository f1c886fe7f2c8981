using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// Reads on a Neo node: an address's NEP-17 balances (<c>getnep17balances</c>; NEO and GAS always listed) and a
/// test invocation (<c>invokefunction</c>), which runs the contract without a transaction.
/// </summary>
internal static partial class NeoReads
{
    internal static readonly (string Symbol, string Hash, int Decimals)[] Natives =
        [("NEO", "0xef4073a0f2b305a38ec4050e4d3d28bc40ea63f5", 0), ("GAS", "0xd2a4cff31913016155e38e474a2c06d08be276cf", 8)];

    public static async Task<ChainBalances> BalancesAsync(NodeRpc rpc, Uri url, string address, CancellationToken ct)
    {
        var check = await rpc.CallAsync(url, "validateaddress", [address], null, ct);
        if (!NodeRpc.Read(check, c => c.GetProperty("isvalid").GetBoolean(), "validateaddress answer"))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "address", $"'{address}' is not a Neo N3 address (N followed by 33 base58 characters).");
        }
        var r = await rpc.BatchAsync(url, [("getnep17balances", [address]), ("getblockcount", [])], null, ct);
        var held = NodeRpc.Read(r[0], b => b.GetProperty("balance").EnumerateArray()
            .Select(e => (Hash: e.GetProperty("assethash").GetString()!.ToLowerInvariant(), Units: BigInteger.Parse(e.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                Symbol: e.TryGetProperty("symbol", out var s) ? s.GetString() : null,
                Decimals: e.TryGetProperty("decimals", out var d) ? int.Parse(d.ToString(), CultureInfo.InvariantCulture) : (int?)null))
            .ToList(), "getnep17balances answer");
        var height = NodeRpc.Read(r[1], h => h.GetInt64() - 1, "getblockcount answer");
        var balances = Natives.Select(n => ChainBalance.Of(n.Symbol, n.Hash, held.FirstOrDefault(h => h.Hash == n.Hash).Units, n.Decimals)).ToList();
        foreach (var token in held.Where(h => !Natives.Any(n => n.Hash == h.Hash)))
        {
            var (symbol, decimals) = token is { Symbol: { } sym, Decimals: { } dec } ? (sym, dec) : await DescribeAsync(rpc, url, token.Hash, ct);
            balances.Add(ChainBalance.Of(symbol, token.Hash, token.Units, decimals));
        }
        return new ChainBalances(address, height, balances);
    }

    public static async Task<ChainCallResult> CallAsync(NodeRpc rpc, Uri url, ChainCall call, CancellationToken ct)
    {
        var hash = Natives.FirstOrDefault(n => string.Equals(n.Symbol, call.Contract, StringComparison.OrdinalIgnoreCase)).Hash ?? call.Contract;
        if (!ScriptHashPattern().IsMatch(hash))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "contract", $"'{call.Contract}' is not a contract script hash (0x and 40 hex digits) nor NEO or GAS.");
        }
        if (!MethodPattern().IsMatch(call.Method))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "method", $"'{call.Method}' is not a contract method name.");
        }
        var parameters = call.Args.Select(Parameter).ToArray();
        var r = await rpc.BatchAsync(url, [("invokefunction", [hash, call.Method, parameters]), ("getblockcount", [])], null, ct);
        var (state, exception, gas, stack) = NodeRpc.Read(r[0], i => (i.GetProperty("state").GetString()!,
            i.TryGetProperty("exception", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
            long.Parse(i.GetProperty("gasconsumed").GetString()!, CultureInfo.InvariantCulture), JsonNode.Parse(i.GetProperty("stack").GetRawText())!.AsArray()), "invokefunction answer");
        if (state != "HALT")
        {
            throw new ChainReadException(ChainReadFailure.CallFailed, null, $"The invocation ended in {state}: {exception ?? "no reason given"}.");
        }
        var values = stack.Select(item => item?["value"]?.DeepClone()).ToList();
        return new ChainCallResult(NodeRpc.Read(r[1], h => h.GetInt64() - 1, "getblockcount answer"), values, stack, gas);
    }

    /// <summary>A contract parameter: {"type","value"} objects as given; numbers Integer, booleans Boolean, 0x+40 hex Hash160, other text String.</summary>
    private static object Parameter(JsonElement arg) => arg.ValueKind switch
    {
        JsonValueKind.Object when arg.TryGetProperty("type", out _) => arg,
        JsonValueKind.Number => new { type = "Integer", value = arg.GetRawText() },
        JsonValueKind.True or JsonValueKind.False => new { type = "Boolean", value = arg.GetBoolean() },
        JsonValueKind.String when ScriptHashPattern().IsMatch(arg.GetString()!) => new { type = "Hash160", value = arg.GetString() },
        JsonValueKind.String => new { type = "String", value = arg.GetString() },
        _ => throw new ChainReadException(ChainReadFailure.InvalidInput, "args", $"{arg.GetRawText()} is not a contract parameter: give a number, true/false, text or {{\"type\":...,\"value\":...}}."),
    };

    internal static async Task<(string Symbol, int Decimals)> DescribeAsync(NodeRpc rpc, Uri url, string hash, CancellationToken ct)
    {
        var r = await rpc.BatchAsync(url, [("invokefunction", [hash, "symbol", Array.Empty<object>()]), ("invokefunction", [hash, "decimals", Array.Empty<object>()])], null, ct);
        return NodeRpc.Read(r[0], s => (Encoding.UTF8.GetString(Convert.FromBase64String(s.GetProperty("stack")[0].GetProperty("value").GetString()!)),
            int.Parse(r[1].GetProperty("stack")[0].GetProperty("value").GetString()!, CultureInfo.InvariantCulture)), "NEP-17 symbol and decimals");
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex ScriptHashPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex MethodPattern();
}
