using System.Collections;
using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Strict ABI decoding through Nethereum for data anyone can put on chain (logs, revert data, call results).
/// Nethereum's <see cref="ParameterDecoder"/> accepts malformed data silently and allocates from claimed lengths,
/// so <see cref="AbiGuard"/> bounds the layout first, and the decoded values must encode back (through Nethereum,
/// with our range checks) to exactly the input's bytes: dirty upper bits, bool 2, address or bytesN padding and
/// truncated words are rejected as <see cref="AbiException"/> naming the value's type and position.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>; trailing bytes are ignored.</summary>
    public static IReadOnlyList<object?> Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var bytes = data.ToArray();
        var guard = AbiGuard.Check(types, bytes);
        List<object?> values;
        try
        {
            var outputs = new ParameterDecoder().DecodeDefaultData(bytes, [.. types.Select(AbiEncoder.ToNethereum)]);
            values = outputs.Select((o, i) => FromNethereum(types[i], o.Result)).ToList();
        }
        catch (Exception e) when (e is not AbiException)
        {
            throw new AbiException($"Data is not a canonical encoding of ({string.Join(",", types)}): {e.Message}", e);
        }
        var again = AbiEncoder.Encode(types, values);
        var differs = again.AsSpan().CommonPrefixLength(bytes);
        return differs == again.Length ? values : throw Mismatch(guard, differs);
    }

    /// <summary>Decodes a single value of <paramref name="type"/> encoded on its own (e.g. a non-indexed topic word).</summary>
    public static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Nethereum's default decoded values (BigInteger, checksum string, byte[32], lists, ParameterOutput) as ours.</summary>
    private static object? FromNethereum(AbiType type, object? value) => type.Kind switch
    {
        AbiKind.UnsignedInteger or AbiKind.SignedInteger => AbiValues.ToInteger(type, (BigInteger)value!),
        AbiKind.Address => Address.Parse((string)value!),
        AbiKind.FixedBytes => ((byte[])value!)[..type.Size],
        AbiKind.Array => ((IList)value!).Cast<object?>().Select(v => FromNethereum(type.Element!, v)).ToList(),
        AbiKind.Tuple => ((List<ParameterOutput>)value!).OrderBy(o => o.Parameter.Order)
            .Select((o, i) => FromNethereum(type.Components[i].Type, o.Result)).ToList(),
        _ => value,
    };

    private static AbiException Mismatch(AbiGuard guard, long at)
    {
        foreach (var (pos, size, type) in guard.Leaves)
        {
            if (at >= pos && at < pos + size)
            {
                var (leaf, start) = ElementAt(type, at - pos);
                return new AbiException(leaf.Kind switch
                {
                    AbiKind.Bool => $"bool at byte {pos + start} is neither 0 nor 1.",
                    AbiKind.Address => $"address at byte {pos + start} has non-zero upper bytes.",
                    _ => $"{leaf} at byte {pos + start} has non-zero padding.",
                });
            }
        }
        return new AbiException($"Byte {at} is not where a canonical encoding puts it (offsets out of order or overlapping).");
    }

    /// <summary>The elementary value of a static type that holds byte <paramref name="offset"/>, and where it starts.</summary>
    private static (AbiType Type, long Start) ElementAt(AbiType type, long offset)
    {
        if (type.Kind == AbiKind.Array)
        {
            var (leaf, start) = ElementAt(type.Element!, offset % type.Element!.HeadSize);
            return (leaf, (offset / type.Element!.HeadSize * type.Element!.HeadSize) + start);
        }
        if (type.Kind == AbiKind.Tuple)
        {
            long skipped = 0;
            foreach (var c in type.Components)
            {
                if (offset < skipped + c.Type.HeadSize)
                {
                    var (leaf, start) = ElementAt(c.Type, offset - skipped);
                    return (leaf, skipped + start);
                }
                skipped += c.Type.HeadSize;
            }
        }
        return (type, 0);
    }
}
