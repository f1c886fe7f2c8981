namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Kinds of Solidity ABI types.</summary>
public enum AbiKind
{
    UnsignedInteger,
    SignedInteger,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    Text,
    Array,
    Tuple,
}

/// <summary>A named (possibly unnamed) parameter: function input/output, tuple component or event field.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false);

/// <summary>
/// A parsed ABI type. Parse accepts canonical names ("uint256[2][]", "(address,bytes)[]", "tuple(uint8 a,string b)").
/// </summary>
public sealed class AbiType
{
    /// <summary>Type nesting beyond this is rejected so hostile ABIs cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    private AbiType(AbiKind kind, int size, AbiType? element, int? length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        Components = components;
        CanonicalName = kind switch
        {
            AbiKind.UnsignedInteger => $"uint{size}",
            AbiKind.SignedInteger => $"int{size}",
            AbiKind.Address => "address",
            AbiKind.Bool => "bool",
            AbiKind.FixedBytes => $"bytes{size}",
            AbiKind.Bytes => "bytes",
            AbiKind.Text => "string",
            AbiKind.Array => $"{element!.CanonicalName}[{length}]",
            _ => "(" + string.Join(",", components.Select(c => c.Type.CanonicalName)) + ")",
        };
        IsDynamic = kind is AbiKind.Bytes or AbiKind.Text
            || (kind == AbiKind.Array && (length is null || element!.IsDynamic))
            || (kind == AbiKind.Tuple && components.Any(c => c.Type.IsDynamic));
        // Static sizes are computed in long and capped so absurd fixed arrays fail on use, not on overflow.
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiKind.Array => Math.Min((long)length!.Value * element!.HeadSize, long.MaxValue / 2),
            AbiKind.Tuple => components.Aggregate(0L, (sum, c) => Math.Min(sum + c.Type.HeadSize, long.MaxValue / 2)),
            _ => 32,
        };
        Depth = kind switch
        {
            AbiKind.Array => element!.Depth + 1,
            AbiKind.Tuple => 1 + components.Select(c => c.Type.Depth).DefaultIfEmpty(0).Max(),
            _ => 0,
        };
        if (Depth > MaxDepth)
        {
            throw new AbiException($"Type nesting deeper than {MaxDepth}.");
        }
    }

    public AbiKind Kind { get; }

    /// <summary>Bits for uintN/intN, bytes for bytesN, otherwise 0.</summary>
    public int Size { get; }

    /// <summary>Array element type.</summary>
    public AbiType? Element { get; }

    /// <summary>Fixed array length; null for dynamic arrays T[] and non-arrays.</summary>
    public int? Length { get; }

    /// <summary>Tuple components (empty for other kinds).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>Canonical name as used in signatures, e.g. "(uint256,address)[]".</summary>
    public string CanonicalName { get; }

    public bool IsDynamic { get; }

    /// <summary>Bytes taken in the head of the enclosing tuple (32 for dynamic types).</summary>
    public long HeadSize { get; }

    internal int Depth { get; }

    public static AbiType UnsignedInteger(int bits) => Bits(bits) ? new(AbiKind.UnsignedInteger, bits, null, null, []) : throw new AbiException($"Invalid integer size {bits}.");

    public static AbiType SignedInteger(int bits) => Bits(bits) ? new(AbiKind.SignedInteger, bits, null, null, []) : throw new AbiException($"Invalid integer size {bits}.");

    public static AbiType FixedBytes(int size) =>
        size is >= 1 and <= 32 ? new(AbiKind.FixedBytes, size, null, null, []) : throw new AbiException($"Invalid bytes size {size}.");

    public static readonly AbiType Address = new(AbiKind.Address, 0, null, null, []);
    public static readonly AbiType Bool = new(AbiKind.Bool, 0, null, null, []);
    public static readonly AbiType Bytes = new(AbiKind.Bytes, 0, null, null, []);
    public static readonly AbiType Text = new(AbiKind.Text, 0, null, null, []);

    public static AbiType Array(AbiType element, int? length = null)
    {
        if (length is < 0)
        {
            throw new AbiException("Array length cannot be negative.");
        }
        return new(AbiKind.Array, 0, element, length, []);
    }

    public static AbiType Tuple(IReadOnlyList<AbiParameter> components) => new(AbiKind.Tuple, 0, null, null, components);

    public static AbiType Tuple(params AbiType[] types) => Tuple(types.Select(t => new AbiParameter("", t)).ToList());

    /// <summary>Parses a type name; throws <see cref="AbiException"/> for anything invalid.</summary>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    public override string ToString() => CanonicalName;

    private static bool Bits(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0;
}
