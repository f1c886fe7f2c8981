using System.Globalization;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Hashing;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Rlp;

namespace NutPortal.Web.Bench;

/// <summary>
/// Single-core throughput of the Ethereum primitives (Keccak-256, secp256k1 sign/recover, RLP, ABI) next to
/// ethers 6 on Node timing the same inputs in the same run, and the ratios ours/ethers.
/// </summary>
internal sealed class EthereumBenchSuite : IBenchSuite
{
    private static readonly (string Name, string Unit)[] Operations =
    [
        ("keccak256", "hashes/s"), ("sign", "signs/s"), ("recover", "recovers/s"),
        ("rlp.encode", "ops/s"), ("rlp.decode", "ops/s"), ("abi.encode", "ops/s"), ("abi.decode", "ops/s"),
    ];

    public string Name => "ethereum";

    public string Description => "keccak256 (128 B), sign, recover, RLP and ABI encode/decode: ops/s against ethers on Node, each the best of three timed runs; optional argument: seconds per run";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var seconds = arguments.Count > 0 && double.TryParse(arguments[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1.0;
        using var inputs = new EthereumBenchInputs();
        var rlpBytes = inputs.RlpEncoded.Average(e => e.Length);

        var ours = MeasureOurs(inputs, seconds, ct);
        var ethers = await EthersBenchScript.RunAsync(inputs.ToJson(seconds), ct);
        var theirs = Operations.ToDictionary(o => o.Name, o => ethers["rates"]![o.Name]!.GetValue<double>());

        foreach (var (name, unit) in Operations)
        {
            report.Figure(name, ours[name], unit);
        }
        report.Figure("rlp.encode.throughput", ours["rlp.encode"] * rlpBytes / 1e6, "MB/s");
        report.Figure("rlp.decode.throughput", ours["rlp.decode"] * rlpBytes / 1e6, "MB/s");
        foreach (var (name, unit) in Operations)
        {
            report.Figure($"ethers.{name}", theirs[name], unit);
        }
        report.Figure("ethers.rlp.encode.throughput", theirs["rlp.encode"] * rlpBytes / 1e6, "MB/s");
        report.Figure("ethers.rlp.decode.throughput", theirs["rlp.decode"] * rlpBytes / 1e6, "MB/s");
        foreach (var (name, _) in Operations)
        {
            report.Figure($"{name}.ratio_vs_ethers", ours[name] / theirs[name], "x");
        }
        // Not an assertion: a 0 here means the two sides did not compute the same thing and the ratios mean nothing.
        report.Figure("ethers.outputs_match", SameOutputs(inputs, ethers["outputs"]!.AsObject()) ? 1 : 0, "bool");
    }

    private static Dictionary<string, double> MeasureOurs(EthereumBenchInputs inputs, double seconds, CancellationToken ct)
    {
        var digest = new byte[Keccak256.HashSize];
        var types = EthereumBenchInputs.AbiTypes;
        var ops = new Dictionary<string, (int Variants, Func<int, int> Op)>
        {
            ["keccak256"] = (inputs.Keccak.Length, i =>
            {
                Keccak256.Hash(inputs.Keccak[i], digest);
                return digest[3];
            }),
            ["sign"] = (inputs.Hashes.Length, i => inputs.Key.Sign(inputs.Hashes[i]).YParity),
            ["recover"] = (inputs.Hashes.Length, i => Ecdsa.RecoverAddress(inputs.Hashes[i], inputs.Signatures[i]).Span[3]),
            ["rlp.encode"] = (inputs.RlpTrees.Length, i => RlpEncoder.Encode(inputs.RlpTrees[i]).Length),
            ["rlp.decode"] = (inputs.RlpEncoded.Length, i => RlpDecoder.Decode(inputs.RlpEncoded[i]).Items.Count),
            ["abi.encode"] = (inputs.AbiValues.Length, i => AbiEncoder.Encode(types, inputs.AbiValues[i]).Length),
            ["abi.decode"] = (inputs.AbiEncoded.Length, i => AbiDecoder.Decode(types, inputs.AbiEncoded[i]).Count),
        };
        var rates = new Dictionary<string, double>();
        foreach (var (name, (variants, op)) in ops)
        {
            ct.ThrowIfCancellationRequested();
            rates[name] = Throughput.OpsPerSecond(variants, seconds, op);
        }
        return rates;
    }

    private static bool SameOutputs(EthereumBenchInputs inputs, JsonObject outputs)
    {
        static bool Same(JsonNode? node, IEnumerable<string> expected) =>
            node is JsonArray a && a.Select(v => v!.GetValue<string>()).SequenceEqual(expected);
        return Same(outputs["keccak256"], inputs.Keccak.Select(b => Hex.Encode(Keccak256.Hash(b))))
            && Same(outputs["sign"], inputs.Signatures.Select(sig => sig.ToHex()))
            && Same(outputs["recover"], inputs.Hashes.Select((h, i) => Ecdsa.RecoverAddress(h, inputs.Signatures[i]).ToLowerHex()))
            && Same(outputs["rlp"], inputs.RlpEncoded.Select(e => Hex.Encode(e)))
            && Same(outputs["abi"], inputs.AbiEncoded.Select(e => Hex.Encode(e)));
    }
}
