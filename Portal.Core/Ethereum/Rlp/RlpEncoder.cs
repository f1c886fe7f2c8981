using System.Numerics;

namespace NutPortal.Core.Ethereum.Rlp;

/// <summary>RLP encoding (always canonical).</summary>
public static class RlpEncoder
{
    /// <summary>Encodes an item tree.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsList)
        {
            return EncodeBytes(item.Bytes);
        }
        var parts = new byte[item.Items.Count][];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Encode(item.Items[i]);
        }
        return EncodeList(parts);
    }

    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            return [bytes[0]];
        }
        var header = Header(0x80, bytes.Length);
        var result = new byte[header.Length + bytes.Length];
        header.CopyTo(result, 0);
        bytes.CopyTo(result.AsSpan(header.Length));
        return result;
    }

    /// <summary>Encodes an unsigned integer as a minimal big-endian string.</summary>
    public static byte[] EncodeUInt(BigInteger value) => EncodeBytes(UIntBytes(value));

    /// <summary>Wraps already-encoded items into a list.</summary>
    public static byte[] EncodeList(params IReadOnlyList<byte[]> encodedItems)
    {
        var payload = 0;
        foreach (var e in encodedItems)
        {
            payload = checked(payload + e.Length);
        }
        var header = Header(0xc0, payload);
        var result = new byte[header.Length + payload];
        header.CopyTo(result, 0);
        var pos = header.Length;
        foreach (var e in encodedItems)
        {
            e.CopyTo(result, pos);
            pos += e.Length;
        }
        return result;
    }

    /// <summary>Minimal big-endian bytes of a non-negative integer (empty for zero).</summary>
    public static byte[] UIntBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers cannot be negative.");
        }
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static byte[] Header(byte offset, int length)
    {
        if (length < 56)
        {
            return [(byte)(offset + length)];
        }
        var lenBytes = UIntBytes(length);
        var header = new byte[1 + lenBytes.Length];
        header[0] = (byte)(offset + 55 + lenBytes.Length);
        lenBytes.CopyTo(header, 1);
        return header;
    }
}
