namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Runs before Nethereum decodes data anyone can put on chain. It only follows the head/tail layout: every offset
/// and length must fit in the data, strings must be UTF-8, and the bytes visited are capped relative to the input
/// (overlapping offsets cannot amplify), so Nethereum never allocates from a hostile length. It builds no values;
/// what a word means is checked after decoding by re-encoding (see <see cref="AbiDecoder"/>). It records where each
/// static block and byte string sits so a mismatch can be named.
/// </summary>
internal sealed class AbiGuard
{
    private readonly byte[] _data;
    private readonly long _budget;
    private long _visited;

    private AbiGuard(byte[] data)
    {
        _data = data;
        _budget = (16L * data.Length) + 65_536;
    }

    /// <summary>Where each static value (elementary, or a static array/tuple) and each byte string starts.</summary>
    public List<(long Pos, long Size, AbiType Type)> Leaves { get; } = [];

    public static AbiGuard Check(IReadOnlyList<AbiType> types, byte[] data)
    {
        var guard = new AbiGuard(data);
        guard.Sequence(types, types.Count, 0);
        return guard;
    }

    private void Sequence(IReadOnlyList<AbiType> types, long count, int start)
    {
        long head = start;
        for (var i = 0L; i < count; i++)
        {
            var type = types[types.Count == 1 ? 0 : (int)i];
            if (!type.IsDynamic)
            {
                Need(head, type.HeadSize, type);
                Charge(Elements(type)); // zero-size elements (empty tuples) still cost
                Leaves.Add((head, type.HeadSize, type));
            }
            else
            {
                var offset = Word(head);
                if (offset > (ulong)(_data.Length - start))
                {
                    throw new AbiException($"Offset {offset} at byte {head} points past the end of the data ({_data.Length} bytes).");
                }
                Dynamic(type, start + (int)offset);
            }
            head += type.HeadSize;
        }
    }

    private void Dynamic(AbiType type, int pos)
    {
        switch (type.Kind)
        {
            case AbiKind.Bytes or AbiKind.Text:
                var length = Length(pos, 1);
                var padded = (length + 31) / 32 * 32;
                Need(pos + 32, padded, type);
                Leaves.Add((pos, 32 + padded, type));
                if (type.Kind == AbiKind.Text && !System.Text.Unicode.Utf8.IsValid(_data.AsSpan(pos + 32, length)))
                {
                    throw new AbiException($"string at byte {pos} is not valid UTF-8.");
                }
                break;
            case AbiKind.Array when type.Length is null:
                var count = Length(pos, Math.Max(type.Element!.HeadSize, 1));
                Sequence([type.Element!], count, pos + 32);
                break;
            case AbiKind.Array:
                Sequence([type.Element!], type.Length.Value, pos);
                break;
            default:
                Sequence([.. type.Components.Select(c => c.Type)], type.Components.Count, pos);
                break;
        }
    }

    /// <summary>Reads a length word and checks that length * unit bytes fit after it.</summary>
    private int Length(int pos, long unit)
    {
        var length = Word(pos);
        var available = (ulong)(_data.Length - pos - 32);
        return length <= available / (ulong)unit ? (int)length
            : throw new AbiException($"Length {length} at byte {pos} exceeds the {available} bytes remaining.");
    }

    /// <summary>An offset or length word; anything past 64 bits is out of range anyway.</summary>
    private ulong Word(long pos)
    {
        Need(pos, 32, null);
        var word = _data.AsSpan((int)pos, 32);
        return word[..24].ContainsAnyExcept((byte)0) ? ulong.MaxValue : System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    private void Need(long pos, long length, AbiType? type)
    {
        if (length > _data.Length - pos)
        {
            throw new AbiException(type is null
                ? $"Reading {length} bytes at byte {pos} runs past the end of the data ({_data.Length} bytes)."
                : $"{type} at byte {pos} needs {length} bytes; data ends at {_data.Length} (runs past the end).");
        }
        Charge(length);
    }

    private void Charge(long amount)
    {
        _visited += amount;
        if (_visited > _budget)
        {
            throw new AbiException("Decoding reads far more data than the input holds (overlapping offsets); rejected.");
        }
    }

    private static long Elements(AbiType type) => type.Kind switch
    {
        AbiKind.Array => Elements(type.Element!) is var each && each > Cap / Math.Max(type.Length!.Value, 1) ? Cap : type.Length!.Value * each,
        AbiKind.Tuple => type.Components.Aggregate(1L, (sum, c) => Math.Min(sum + Elements(c.Type), Cap)),
        _ => 1,
    };

    private const long Cap = long.MaxValue / 4;
}
