using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Rlp;

namespace NutPortal.Web.Bench;

/// <summary>
/// The inputs both sides of the Ethereum bench time, generated from a fixed seed so runs compare; a few
/// variants of each cycle so neither side benefits from hashing or parsing the very same bytes every time.
/// </summary>
internal sealed class EthereumBenchInputs : IDisposable
{
    private const int Variants = 16;

    public EthereumBenchInputs()
    {
        var rng = new Random(20261122);
        Keccak = [.. Enumerable.Range(0, Variants).Select(_ => Bytes(rng, 128))];
        Key = NewKey(rng);
        Hashes = [.. Enumerable.Range(0, Variants).Select(_ => Bytes(rng, 32))];
        Signatures = [.. Hashes.Select(h => Key.Sign(h))];
        RlpTrees = [.. Enumerable.Range(0, Variants).Select(i => TransactionLikeTree(rng, 64 + (i * 48)))];
        RlpEncoded = [.. RlpTrees.Select(RlpEncoder.Encode)];
        AbiValues = [.. Enumerable.Range(0, Variants).Select(i => OrderCall(rng, i))];
        AbiEncoded = [.. AbiValues.Select(v => AbiEncoder.Encode(AbiTypes, v))];
    }

    /// <summary>submit((address maker, uint256 amount, bytes payload, string memo, uint256[] ids) order, uint256 deadline).</summary>
    public static IReadOnlyList<AbiType> AbiTypes { get; } =
        [AbiType.Parse("(address,uint256,bytes,string,uint256[])"), AbiType.UnsignedInteger(256)];

    public byte[][] Keccak { get; }

    public PrivateKey Key { get; }

    public byte[][] Hashes { get; }

    public Signature[] Signatures { get; }

    public RlpItem[] RlpTrees { get; }

    public byte[][] RlpEncoded { get; }

    public IReadOnlyList<object?>[] AbiValues { get; }

    public byte[][] AbiEncoded { get; }

    /// <summary>The same inputs for the Node script: bytes as 0x-hex, integers as decimal strings.</summary>
    public JsonObject ToJson(double seconds) => new()
    {
        ["seconds"] = seconds,
        ["keccak"] = HexArray(Keccak),
        ["key"] = Hex.Encode(Key.ExportBytes()),
        ["hashes"] = HexArray(Hashes),
        ["signatures"] = new JsonArray([.. Signatures.Select(s => JsonValue.Create(s.ToHex()))]),
        ["rlp"] = new JsonArray([.. RlpTrees.Select(Tree)]),
        ["rlpEncoded"] = HexArray(RlpEncoded),
        ["abi"] = new JsonObject
        {
            ["types"] = new JsonArray([.. AbiTypes.Select(t => JsonValue.Create(t.CanonicalName))]),
            ["values"] = new JsonArray([.. AbiValues.Select(v => AbiValueFormatter.ToJson(AbiType.Tuple([.. AbiTypes]), v))]),
            ["encoded"] = HexArray(AbiEncoded),
        },
    };

    public void Dispose() => Key.Dispose();

    private static JsonArray HexArray(IEnumerable<byte[]> items) => new([.. items.Select(b => JsonValue.Create(Hex.Encode(b)))]);

    private static JsonNode Tree(RlpItem item) =>
        item.IsList ? new JsonArray([.. item.Items.Select(Tree)]) : JsonValue.Create(Hex.Encode(item.Bytes));

    /// <summary>Shaped like a signed EIP-1559 transaction with a two-entry access list: the RLP a node mostly sees.</summary>
    private static RlpItem TransactionLikeTree(Random rng, int dataLength)
    {
        RlpItem Str(int length) => RlpItem.FromBytes(Bytes(rng, length));
        RlpItem UInt(long value) => RlpItem.FromUInt(value);
        var accessList = RlpItem.FromList(
            RlpItem.FromList(Str(20), RlpItem.FromList(Str(32), Str(32))),
            RlpItem.FromList(Str(20), RlpItem.FromList(Str(32))));
        return RlpItem.FromList(
            UInt(31337), UInt(rng.Next(0, 5000)), UInt(1_500_000_000), UInt(30_000_000_000), UInt(210_000), Str(20),
            RlpItem.FromUInt(BigInteger.Pow(10, 18) + rng.Next()), Str(dataLength), accessList, UInt(1), Str(32), Str(32));
    }

    private static IReadOnlyList<object?> OrderCall(Random rng, int i)
    {
        var ids = Enumerable.Range(0, 3 + (i % 6)).Select(_ => (object?)new BigInteger(Bytes(rng, 1 + rng.Next(32)), isUnsigned: true)).ToList();
        var order = new List<object?>
        {
            Address.FromBytes(Bytes(rng, 20)), new BigInteger(Bytes(rng, 16), isUnsigned: true), Bytes(rng, 36 + (i * 10)),
            $"order #{i}: deliver {i + 1} units to warehouse {(char)('A' + i)}", ids,
        };
        return [order, new BigInteger(1_800_000_000 + i)];
    }

    private static PrivateKey NewKey(Random rng)
    {
        while (true)
        {
            try
            {
                return PrivateKey.FromBytes(Bytes(rng, 32));
            }
            catch (ArgumentException)
            {
                // Out of range (probability ~2^-128); draw again.
            }
        }
    }

    private static byte[] Bytes(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }
}
