using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// Reads on an Ethereum node: an address's ether (<c>eth_getBalance</c>) and a read-only call (<c>eth_call</c>) to a
/// function given by its signature, e.g. <c>balanceOf(address) returns (uint256)</c>, or as raw 0x calldata.
/// </summary>
internal static partial class AnvilReads
{
    public static async Task<ChainBalances> BalancesAsync(NodeRpc rpc, Uri url, string address, CancellationToken ct)
    {
        if (!AddressPattern().IsMatch(address))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "address", $"'{address}' is not an Ethereum address (0x and 40 hex digits).");
        }
        var r = await rpc.BatchAsync(url, [("eth_getBalance", [address, "latest"]), ("eth_blockNumber", [])], null, ct);
        return NodeRpc.Read(r[0], b => new ChainBalances(address, (long)Quantity(r[1].GetString()!),
            [ChainBalance.Of("ETH", "ETH", Quantity(b.GetString()!), 18)]), "eth_getBalance answer");
    }

    public static async Task<ChainCallResult> CallAsync(NodeRpc rpc, Uri url, ChainCall call, CancellationToken ct)
    {
        if (!AddressPattern().IsMatch(call.Contract))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "contract", $"'{call.Contract}' is not a contract address (0x and 40 hex digits).");
        }
        var function = call.Method.StartsWith("0x", StringComparison.Ordinal) ? null : Parse(call.Method);
        byte[] data;
        try
        {
            data = function is null ? Hex.Decode(call.Method)
                : call.Args.Count != function.Inputs.Count
                    ? throw new ChainReadException(ChainReadFailure.InvalidInput, "args", $"{function.Signature} takes {function.Inputs.Count} argument(s); got {call.Args.Count}.")
                    : function.EncodeCall([.. call.Args.Select((a, i) => AbiValueParser.FromJson(function.Inputs[i].Type, a))]);
        }
        catch (Exception ex) when (ex is AbiException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, function is null ? "method" : "args", ex.Message, ex);
        }
        IReadOnlyList<System.Text.Json.JsonElement> r;
        try
        {
            r = await rpc.BatchAsync(url, [("eth_call", [new { to = call.Contract, data = Hex.Encode(data) }, "latest"]), ("eth_blockNumber", [])], null, ct);
        }
        catch (NodeRpcException ex) when (ex.Message.Contains("revert", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChainReadException(ChainReadFailure.CallFailed, null, $"The call reverted: {ex.Message}", ex);
        }
        var output = NodeRpc.Read(r[0], o => Hex.Decode(o.GetString()!), "eth_call answer");
        var height = NodeRpc.Read(r[1], h => (long)Quantity(h.GetString()!), "eth_blockNumber answer");
        if (function is null || function.Outputs.Count == 0)
        {
            return new ChainCallResult(height, [JsonValue.Create(Hex.Encode(output))], JsonValue.Create(Hex.Encode(output)), null);
        }
        try
        {
            var values = function.DecodeOutput(output);
            return new ChainCallResult(height, [.. function.Outputs.Select((o, i) => AbiValueFormatter.ToJson(o.Type, values[i]))], JsonValue.Create(Hex.Encode(output)), null);
        }
        catch (AbiException ex)
        {
            throw new ChainReadException(ChainReadFailure.CallFailed, "method", $"The answer ({output.Length} bytes) does not decode as {string.Join(", ", function.Outputs.Select(o => o.Type))}: {ex.Message}", ex);
        }
    }

    /// <summary>"name(type, ...) [returns (type, ...)]" as a view function.</summary>
    private static AbiFunction Parse(string signature)
    {
        var match = SignaturePattern().Match(signature.Trim());
        if (!match.Success)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "method", $"'{signature}' is not a function signature such as 'balanceOf(address) returns (uint256)', nor 0x calldata.");
        }
        try
        {
            return new AbiFunction(match.Groups["name"].Value, Parameters(match.Groups["inputs"].Value), Parameters(match.Groups["outputs"].Value), "view");
        }
        catch (AbiException ex)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "method", ex.Message, ex);
        }
    }

    /// <summary>Types separated by commas outside parentheses (tuples); a parameter name after a type is dropped.</summary>
    private static List<AbiParameter> Parameters(string list)
    {
        var parts = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < list.Length; i++)
        {
            (depth, var split) = list[i] switch { '(' => (depth + 1, false), ')' => (depth - 1, false), ',' when depth == 0 => (depth, true), _ => (depth, false) };
            if (split)
            {
                parts.Add(list[start..i]);
                start = i + 1;
            }
        }
        parts.Add(list[start..]);
        return [.. parts.Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => new AbiParameter("", AbiType.Parse(p.Split(' ')[0])))];
    }

    private static BigInteger Quantity(string hex) => BigInteger.Parse("0" + hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][A-Za-z0-9_$]*)\s*\((?<inputs>.*?)\)\s*(returns\s*\((?<outputs>.*)\))?$")]
    private static partial Regex SignaturePattern();
}
