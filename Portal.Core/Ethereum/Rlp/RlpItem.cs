using System.Numerics;

namespace NutPortal.Core.Ethereum.Rlp;

/// <summary>A decoded RLP value: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private readonly byte[]? _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public bool IsList => _items is not null;

    /// <summary>The string payload; throws if this item is a list.</summary>
    public byte[] Bytes => _bytes ?? throw new RlpException("Expected an RLP string, found a list.");

    /// <summary>The list elements; throws if this item is a string.</summary>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new RlpException("Expected an RLP list, found a string.");

    public static RlpItem FromBytes(byte[] bytes) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)), null);

    public static RlpItem FromList(IReadOnlyList<RlpItem> items) =>
        new(null, items ?? throw new ArgumentNullException(nameof(items)));

    public static RlpItem FromList(params RlpItem[] items) => FromList((IReadOnlyList<RlpItem>)items);

    /// <summary>An unsigned integer as minimal big-endian bytes (zero is the empty string).</summary>
    public static RlpItem FromUInt(BigInteger value) => FromBytes(RlpEncoder.UIntBytes(value));

    /// <summary>Reads this string as a canonical unsigned integer (no leading zero bytes).</summary>
    public BigInteger ToUInt(int maxBytes = 32)
    {
        var b = Bytes;
        if (b.Length > maxBytes)
        {
            throw new RlpException($"Integer is {b.Length} bytes long; at most {maxBytes} allowed.");
        }
        if (b.Length > 0 && b[0] == 0)
        {
            throw new RlpException("Integer has a leading zero byte (non-canonical).");
        }
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    public override string ToString() =>
        IsList ? "[" + string.Join(", ", Items) + "]" : Hex.Encode(Bytes);
}
