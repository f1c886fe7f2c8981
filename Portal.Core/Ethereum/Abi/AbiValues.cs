using System.Collections;
using System.Numerics;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Coercion of loosely typed .NET values into ABI values.</summary>
internal static class AbiValues
{
    public static BigInteger ToInteger(AbiType type, object? value)
    {
        BigInteger v = value switch
        {
            BigInteger b => b,
            sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            ulong u => u,
            _ => throw new AbiException($"{type} expects an integer, got {AbiEncoder.Describe(value)}."),
        };
        var (min, max) = Range(type);
        if (v < min || v > max)
        {
            throw new AbiException($"Value {v} is out of range for {type} [{min}, {max}].");
        }
        return v;
    }

    public static (BigInteger Min, BigInteger Max) Range(AbiType type) => type.Kind == AbiKind.UnsignedInteger
        ? (BigInteger.Zero, (BigInteger.One << type.Size) - 1)
        : (-(BigInteger.One << (type.Size - 1)), (BigInteger.One << (type.Size - 1)) - 1);

    public static Address ToAddress(object? value) => value switch
    {
        Address a => a,
        string s when Address.TryParse(s, out var parsed) => parsed,
        _ => throw new AbiException($"address expects an Address or a valid address string, got {AbiEncoder.Describe(value)}."),
    };

    public static byte[] ToBytes(object? value) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        string s when Hex.TryDecode(s, out var decoded) && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => decoded,
        _ => throw new AbiException($"bytes expects byte[] or 0x-hex, got {AbiEncoder.Describe(value)}."),
    };

    public static IReadOnlyList<object?> ToList(object? value, AbiType type) => value switch
    {
        IReadOnlyList<object?> list => list,
        IEnumerable e and not string and not byte[] => e.Cast<object?>().ToList(),
        _ => throw new AbiException($"{type} expects a list, got {AbiEncoder.Describe(value)}."),
    };
}
