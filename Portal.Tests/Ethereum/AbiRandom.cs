using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Tests.Ethereum;

/// <summary>Random ABI types and values in ethers' JSON form (decimal strings, lowercase hex, checksummed addresses).</summary>
internal static class AbiRandom
{
    private const string Alphabet = "abcXYZ019 _-é中\u00ff\n\"\\";
    private static readonly string[] Emoji = ["😀", "𝄞"];

    public static AbiType Type(Random rng, int depth = 0) => rng.Next(depth < 3 ? 10 : 7) switch
    {
        0 => AbiType.UnsignedInteger(8 * rng.Next(1, 33)),
        1 => AbiType.SignedInteger(8 * rng.Next(1, 33)),
        2 => AbiType.Address,
        3 => AbiType.Bool,
        4 => AbiType.FixedBytes(rng.Next(1, 33)),
        5 => AbiType.Bytes,
        6 => AbiType.Text,
        7 => AbiType.Array(Type(rng, depth + 1), rng.Next(1, 4)),
        8 => AbiType.Array(Type(rng, depth + 1)),
        _ => AbiType.Tuple(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Type(rng, depth + 1)).ToArray()),
    };

    public static JsonNode Value(Random rng, AbiType type)
    {
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
            case AbiKind.SignedInteger:
                return Integer(rng, type).ToString();
            case AbiKind.Address:
                return Address.FromBytes(TestBytes.Random(rng, 20)).ToString();
            case AbiKind.Bool:
                return rng.Next(2) == 0;
            case AbiKind.FixedBytes:
                return Hex.Encode(TestBytes.Random(rng, type.Size));
            case AbiKind.Bytes:
                return Hex.Encode(TestBytes.Random(rng, rng.Next(3) == 0 ? 0 : rng.Next(1, 80)));
            case AbiKind.Text:
                var len = rng.Next(0, 40);
                var s = new System.Text.StringBuilder();
                for (var i = 0; i < len; i++)
                {
                    s.Append(rng.Next(8) == 0 ? Emoji[rng.Next(Emoji.Length)] : Alphabet[rng.Next(Alphabet.Length)].ToString());
                }
                return s.ToString();
            case AbiKind.Array:
                return new JsonArray(Enumerable.Range(0, type.Length ?? rng.Next(0, 4)).Select(_ => Value(rng, type.Element!)).ToArray());
            default:
                return new JsonArray(type.Components.Select(c => Value(rng, c.Type)).ToArray());
        }
    }

    private static BigInteger Integer(Random rng, AbiType type)
    {
        var signed = type.Kind == AbiKind.SignedInteger;
        var max = signed ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        var min = signed ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        switch (rng.Next(6))
        {
            case 0: return max;
            case 1: return min;
            case 2: return signed ? -1 : 0;
        }
        var bits = rng.Next(1, type.Size + 1);
        var v = new BigInteger(TestBytes.Random(rng, (bits + 7) / 8), isUnsigned: true) & ((BigInteger.One << (signed ? Math.Min(bits, type.Size - 1) : bits)) - 1);
        return signed && rng.Next(2) == 0 ? -v - 1 : v;
    }
}
