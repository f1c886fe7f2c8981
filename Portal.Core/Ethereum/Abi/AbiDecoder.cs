using System.Numerics;
using System.Text;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Strict, hostile-input-safe ABI decoding. Every offset and length is bounds-checked before allocation, and the
/// total amount of data read is capped relative to the input size so overlapping offsets cannot amplify memory.
/// </summary>
public sealed class AbiDecoder
{
    private readonly byte[] _data;
    private readonly long _budget;
    private long _read;

    private AbiDecoder(byte[] data)
    {
        _data = data;
        _budget = (16L * data.Length) + 65_536;
    }

    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>.</summary>
    public static IReadOnlyList<object?> Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return new AbiDecoder(data.ToArray()).Sequence(types, 0);
    }

    /// <summary>Decodes a single value of <paramref name="type"/> encoded on its own (e.g. a non-indexed topic word).</summary>
    public static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    private List<object?> Sequence(IReadOnlyList<AbiType> types, int start)
    {
        var values = new List<object?>(Math.Min(types.Count, 1024));
        long head = start;
        foreach (var type in types)
        {
            Charge(1); // zero-size elements (empty tuples) still cost, so huge static arrays cannot spin forever
            if (type.IsDynamic)
            {
                var offset = ReadWord(head);
                if (offset > (ulong)_data.Length - (ulong)start)
                {
                    throw new AbiException($"Offset {offset} at byte {head} points past the end of the data ({_data.Length} bytes).");
                }
                values.Add(Value(type, start + (int)offset));
            }
            else
            {
                if (type.HeadSize > _data.Length - head)
                {
                    throw new AbiException($"{type} at byte {head} needs {type.HeadSize} bytes; data ends at {_data.Length}.");
                }
                values.Add(Value(type, (int)head));
            }
            head += type.HeadSize;
        }
        return values;
    }

    private object? Value(AbiType type, int pos)
    {
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
            case AbiKind.SignedInteger:
                return Integer(type, pos);
            case AbiKind.Address:
                var word = Slice(pos, 32);
                if (word[..12].ContainsAnyExcept((byte)0))
                {
                    throw new AbiException($"address at byte {pos} has non-zero upper bytes.");
                }
                return Address.FromBytes(word[12..]);
            case AbiKind.Bool:
                var flag = ReadWord(pos);
                return flag <= 1 ? flag == 1 : throw new AbiException($"bool at byte {pos} is neither 0 nor 1.");
            case AbiKind.FixedBytes:
                var fixedWord = Slice(pos, 32);
                if (fixedWord[type.Size..].ContainsAnyExcept((byte)0))
                {
                    throw new AbiException($"{type} at byte {pos} has non-zero padding.");
                }
                return fixedWord[..type.Size].ToArray();
            case AbiKind.Bytes:
            case AbiKind.Text:
                var length = ReadLength(pos, 1);
                var padded = (length + 31) / 32 * 32;
                var payload = Slice(pos + 32, padded)[..length].ToArray();
                return type.Kind == AbiKind.Bytes ? payload : Utf8(payload, pos);
            case AbiKind.Array:
                var count = type.Length ?? ReadLength(pos, Math.Max(type.Element!.HeadSize, 1));
                var start = type.Length is null ? pos + 32 : pos;
                if (type.Length is not null && type.HeadSize > _data.Length - start)
                {
                    throw new AbiException($"{type} at byte {pos} runs past the end of the data.");
                }
                return Sequence(new RepeatedList<AbiType>(type.Element!, count), start);
            default:
                return Sequence(type.Components.Select(c => c.Type).ToList(), pos);
        }
    }

    private BigInteger Integer(AbiType type, int pos)
    {
        var word = Slice(pos, 32);
        var signed = type.Kind == AbiKind.SignedInteger;
        var value = new BigInteger(word, isUnsigned: !signed, isBigEndian: true);
        var (min, max) = AbiValues.Range(type);
        if (value < min || value > max)
        {
            throw new AbiException($"{type} at byte {pos} is out of range (dirty upper bits).");
        }
        return value;
    }

    /// <summary>Reads a length word and checks that count * unit bytes fit after it.</summary>
    private int ReadLength(int pos, long unit)
    {
        var length = ReadWord(pos);
        var available = (ulong)(_data.Length - pos - 32);
        if (length > available / (ulong)unit)
        {
            throw new AbiException($"Length {length} at byte {pos} exceeds the {available} bytes remaining.");
        }
        return (int)length;
    }

    /// <summary>Reads a word that must fit in 64 bits (offsets, lengths, bools); larger is out of range anyway.</summary>
    private ulong ReadWord(long pos)
    {
        var word = Slice(pos, 32);
        if (word[..24].ContainsAnyExcept((byte)0))
        {
            return ulong.MaxValue;
        }
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    private ReadOnlySpan<byte> Slice(long pos, long length)
    {
        if (pos < 0 || length > _data.Length - pos)
        {
            throw new AbiException($"Reading {length} bytes at byte {pos} runs past the end of the data ({_data.Length} bytes).");
        }
        Charge(length);
        return _data.AsSpan((int)pos, (int)length);
    }

    private void Charge(long amount)
    {
        _read += amount;
        if (_read > _budget)
        {
            throw new AbiException("Decoding reads far more data than the input holds (overlapping offsets); rejected.");
        }
    }

    private static string Utf8(byte[] bytes, int pos)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (ArgumentException e)
        {
            throw new AbiException($"string at byte {pos} is not valid UTF-8.", e);
        }
    }

    /// <summary>A list of one item repeated, so huge array types cost nothing until elements are read.</summary>
    private sealed class RepeatedList<T>(T item, int count) : IReadOnlyList<T>
    {
        public T this[int index] => item;

        public int Count => count;

        public IEnumerator<T> GetEnumerator() => Enumerable.Repeat(item, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
