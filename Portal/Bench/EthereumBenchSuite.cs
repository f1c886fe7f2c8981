using System.Globalization;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using Nethereum.Util;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;

namespace NutPortal.Web.Bench;

/// <summary>
/// Single-core throughput of the Ethereum operations the portal performs, all through Nethereum (Keccak-256,
/// sign/recover on libsecp256k1's port, signing and serialising an EIP-1559 transaction, decoding a raw one with
/// its sender, EIP-55 checksums, ABI encode/decode) next to ethers 6 on Node timing the same inputs in the same
/// run, and the ratios Nethereum/ethers.
/// </summary>
internal sealed class EthereumBenchSuite : IBenchSuite
{
    private static readonly (string Name, string Unit)[] Operations =
    [
        ("keccak256", "hashes/s"), ("sign", "signs/s"), ("recover", "recovers/s"),
        ("tx.sign", "txs/s"), ("tx.decode", "txs/s"), ("address.checksum", "ops/s"), ("abi.encode", "ops/s"), ("abi.decode", "ops/s"),
    ];

    public string Name => "ethereum";

    public string Description => "keccak256 (128 B), sign, recover, EIP-1559 sign+serialise, raw tx decode+sender, EIP-55, ABI encode/decode: Nethereum against ethers on Node, each the best of three timed runs; optional argument: seconds per run";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var seconds = arguments.Count > 0 && double.TryParse(arguments[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1.0;
        using var inputs = new EthereumBenchInputs();

        var ours = MeasureOurs(inputs, seconds, ct);
        var ethers = await EthersBenchScript.RunAsync(inputs.ToJson(seconds), ct);
        var theirs = Operations.ToDictionary(o => o.Name, o => ethers["rates"]![o.Name]!.GetValue<double>());

        foreach (var (name, unit) in Operations)
        {
            report.Figure(name, ours[name], unit);
        }
        foreach (var (name, unit) in Operations)
        {
            report.Figure($"ethers.{name}", theirs[name], unit);
        }
        foreach (var (name, _) in Operations)
        {
            report.Figure($"{name}.ratio_vs_ethers", ours[name] / theirs[name], "x");
        }
        // Not an assertion: a 0 here means the two sides did not compute the same thing and the ratios mean nothing.
        report.Figure("ethers.outputs_match", SameOutputs(inputs, ethers["outputs"]!.AsObject()) ? 1 : 0, "bool");
    }

    private static Dictionary<string, double> MeasureOurs(EthereumBenchInputs inputs, double seconds, CancellationToken ct)
    {
        var types = EthereumBenchInputs.AbiTypes;
        var ops = new Dictionary<string, (int Variants, Func<int, int> Op)>
        {
            ["keccak256"] = (inputs.Keccak.Length, i => Sha3Keccack.Current.CalculateHash(inputs.Keccak[i])[3]),
            ["sign"] = (inputs.Hashes.Length, i => inputs.Key.Sign(inputs.Hashes[i]).YParity),
            ["recover"] = (inputs.Hashes.Length, i => Ecdsa.RecoverAddress(inputs.Hashes[i], inputs.Signatures[i]).Span[3]),
            ["tx.sign"] = (inputs.Transactions.Length, i => inputs.Transactions[i].Sign(inputs.Key).Encode().Length),
            ["tx.decode"] = (inputs.RawTransactions.Length, i => Transaction.Decode(inputs.RawTransactions[i]).RecoverSender()!.Value.Span[3]),
            ["address.checksum"] = (inputs.Addresses.Length, i => inputs.Addresses[i].ToString()[5]),
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
        return Same(outputs["keccak256"], inputs.Keccak.Select(b => Hex.Encode(Sha3Keccack.Current.CalculateHash(b))))
            && Same(outputs["sign"], inputs.Signatures.Select(sig => sig.ToHex()))
            && Same(outputs["recover"], inputs.Hashes.Select((h, i) => Ecdsa.RecoverAddress(h, inputs.Signatures[i]).ToLowerHex()))
            && Same(outputs["tx"], inputs.RawTransactions.Select(e => Hex.Encode(e)))
            && Same(outputs["checksum"], inputs.Addresses.Select(a => a.ToString()))
            && Same(outputs["abi"], inputs.AbiEncoded.Select(e => Hex.Encode(e)));
    }
}
