using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;

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
        Transactions = [.. Enumerable.Range(0, Variants).Select(i => Eip1559(rng, i))];
        RawTransactions = [.. Transactions.Select(t => t.Sign(Key).Encode())];
        Addresses = [.. Enumerable.Range(0, Variants).Select(_ => Address.FromBytes(Bytes(rng, 20)))];
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

    /// <summary>Unsigned EIP-1559 transactions shaped like the portal's sends (calldata, an access list).</summary>
    public Transaction[] Transactions { get; }
    public byte[][] RawTransactions { get; }
    public Address[] Addresses { get; }
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
        ["transactions"] = new JsonArray([.. Transactions.Select(EthersJson)]),
        ["rawTransactions"] = HexArray(RawTransactions),
        ["addresses"] = new JsonArray([.. Addresses.Select(a => JsonValue.Create(a.ToLowerHex()))]),
        ["abi"] = new JsonObject
        {
            ["types"] = new JsonArray([.. AbiTypes.Select(t => JsonValue.Create(t.CanonicalName))]),
            ["values"] = new JsonArray([.. AbiValues.Select(v => AbiValueFormatter.ToJson(AbiType.Tuple([.. AbiTypes]), v))]),
            ["encoded"] = HexArray(AbiEncoded),
        },
    };

    public void Dispose() => Key.Dispose();

    private static JsonArray HexArray(IEnumerable<byte[]> items) => new([.. items.Select(b => JsonValue.Create(Hex.Encode(b)))]);

    private static JsonNode EthersJson(Transaction t) => new JsonObject
    {
        ["type"] = 2, ["chainId"] = t.ChainId.ToString(), ["nonce"] = (long)t.Nonce, ["gasLimit"] = t.GasLimit.ToString(),
        ["maxPriorityFeePerGas"] = t.MaxPriorityFeePerGas.ToString(), ["maxFeePerGas"] = t.MaxFeePerGas.ToString(),
        ["to"] = t.To?.ToString(), ["value"] = t.Value.ToString(), ["data"] = Hex.Encode(t.Data),
        ["accessList"] = new JsonArray([.. t.AccessList.Select(e => (JsonNode)new JsonObject
        {
            ["address"] = e.Address.ToString(),
            ["storageKeys"] = new JsonArray([.. e.StorageKeys.Select(k => JsonValue.Create(Hex.Encode(k)))]),
        })]),
    };

    private static Transaction Eip1559(Random rng, int i) => new()
    {
        Type = TransactionType.DynamicFee, ChainId = 31337, Nonce = rng.Next(0, 5000), MaxPriorityFeePerGas = 1_500_000_000,
        MaxFeePerGas = 30_000_000_000, GasLimit = 210_000, To = Address.FromBytes(Bytes(rng, 20)),
        Value = BigInteger.Pow(10, 18) + rng.Next(), Data = Bytes(rng, 64 + (i * 48)),
        AccessList = [new AccessListEntry(Address.FromBytes(Bytes(rng, 20)), [Bytes(rng, 32), Bytes(rng, 32)])],
    };

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
