using System.Collections;
using System.Numerics;
using System.Text;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Standard ABI encoding. Values: BigInteger (or any .NET integer) for intN/uintN, Address (or address string),
/// bool, byte[] for bytes/bytesN, string, and any list (IEnumerable) for arrays and tuples.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of <paramref name="types"/> (function arguments, return data).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} values, got {values.Count}.");
        }
        return EncodeSequence(types, values);
    }

    /// <summary>Encodes a single value of <paramref name="type"/> (as it appears in the tail when dynamic).</summary>
    public static byte[] EncodeValue(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
            case AbiKind.SignedInteger:
                return Word(AbiValues.ToInteger(type, value));
            case AbiKind.Address:
                return [.. new byte[12], .. AbiValues.ToAddress(value).Span];
            case AbiKind.Bool:
                return Word(value is bool b ? (b ? 1 : 0) : throw new AbiException($"bool expects true or false, got {Describe(value)}."));
            case AbiKind.FixedBytes:
                var fixedBytes = AbiValues.ToBytes(value);
                if (fixedBytes.Length != type.Size)
                {
                    throw new AbiException($"{type} expects exactly {type.Size} bytes, got {fixedBytes.Length}.");
                }
                return Padded(fixedBytes);
            case AbiKind.Bytes:
                var bytes = AbiValues.ToBytes(value);
                return [.. Word(bytes.Length), .. Padded(bytes)];
            case AbiKind.Text:
                var text = value as string ?? throw new AbiException($"string expects a string, got {Describe(value)}.");
                var utf8 = Encoding.UTF8.GetBytes(text);
                return [.. Word(utf8.Length), .. Padded(utf8)];
            case AbiKind.Array:
                var items = AbiValues.ToList(value, type);
                if (type.Length is { } k && items.Count != k)
                {
                    throw new AbiException($"{type} expects {k} elements, got {items.Count}.");
                }
                var body = EncodeSequence(Enumerable.Repeat(type.Element!, items.Count).ToList(), items);
                return type.Length is null ? [.. Word(items.Count), .. body] : body;
            default:
                var fields = AbiValues.ToList(value, type);
                if (fields.Count != type.Components.Count)
                {
                    throw new AbiException($"{type} expects {type.Components.Count} fields, got {fields.Count}.");
                }
                return EncodeSequence(type.Components.Select(c => c.Type).ToList(), fields);
        }
    }

    private static byte[] EncodeSequence(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        var heads = new List<byte[]>(types.Count);
        var tails = new List<byte[]>();
        long headSize = types.Sum(t => t.HeadSize);
        var tailSize = 0L;
        for (var i = 0; i < types.Count; i++)
        {
            var encoded = EncodeValue(types[i], values[i]);
            if (types[i].IsDynamic)
            {
                heads.Add(Word(headSize + tailSize));
                tails.Add(encoded);
                tailSize += encoded.Length;
            }
            else
            {
                heads.Add(encoded);
            }
        }
        var result = new byte[headSize + tailSize];
        var pos = 0;
        foreach (var part in heads.Concat(tails))
        {
            part.CopyTo(result, pos);
            pos += part.Length;
        }
        return result;
    }

    internal static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        if (value.Sign < 0)
        {
            Array.Fill(word, (byte)0xff); // two's complement sign extension
        }
        var count = value.GetByteCount(isUnsigned: value.Sign >= 0);
        if (count > 32 || !value.TryWriteBytes(word.AsSpan(32 - count), out _, isUnsigned: value.Sign >= 0, isBigEndian: true))
        {
            throw new AbiException($"Value {value} does not fit in 32 bytes.");
        }
        return word;
    }

    private static byte[] Padded(byte[] data)
    {
        var result = new byte[(data.Length + 31) / 32 * 32];
        data.CopyTo(result, 0);
        return result;
    }

    internal static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
