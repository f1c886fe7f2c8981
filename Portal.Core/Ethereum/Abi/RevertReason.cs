using System.Numerics;

namespace NutPortal.Core.Ethereum.Abi;

public enum RevertKind
{
    /// <summary>No revert data (revert() or require without message, or out of gas).</summary>
    Empty,

    /// <summary>Error(string): require/revert with a message.</summary>
    Error,

    /// <summary>Panic(uint256): assert failure, overflow, division by zero...</summary>
    Panic,

    /// <summary>A custom error declared in the ABI.</summary>
    Custom,

    /// <summary>Data that matches nothing known (or is malformed).</summary>
    Unknown,
}

/// <summary>Decoded revert data with a human-readable <see cref="Message"/>.</summary>
public sealed record RevertReason(RevertKind Kind, string Message, byte[] Data)
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];
    private static readonly byte[] PanicSelector = [0x4e, 0x48, 0x7b, 0x71];

    public BigInteger? PanicCode { get; init; }

    public AbiError? Error { get; init; }

    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public static RevertReason Decode(ReadOnlySpan<byte> data, IReadOnlyList<AbiError>? errors = null)
    {
        var raw = data.ToArray();
        if (data.IsEmpty)
        {
            return new RevertReason(RevertKind.Empty, "execution reverted (no data)", raw);
        }
        try
        {
            if (data.Length >= 4 && data[..4].SequenceEqual(ErrorSelector))
            {
                var text = (string)AbiDecoder.Decode([AbiType.Text], data[4..])[0]!;
                return new RevertReason(RevertKind.Error, text, raw) { Arguments = [text] };
            }
            if (data.Length >= 4 && data[..4].SequenceEqual(PanicSelector))
            {
                var code = (BigInteger)AbiDecoder.Decode([AbiType.UnsignedInteger(256)], data[4..])[0]!;
                return new RevertReason(RevertKind.Panic, $"Panic(0x{code:x2}): {PanicMeaning(code)}", raw) { PanicCode = code, Arguments = [code] };
            }
            foreach (var error in errors ?? [])
            {
                if (data.Length >= 4 && data[..4].SequenceEqual(error.Selector))
                {
                    var args = error.DecodeData(data);
                    var shown = string.Join(", ", error.Inputs.Select((p, i) => AbiValueFormatter.ToText(p.Type, args[i])));
                    return new RevertReason(RevertKind.Custom, $"{error.Name}({shown})", raw) { Error = error, Arguments = args };
                }
            }
        }
        catch (AbiException e)
        {
            return new RevertReason(RevertKind.Unknown, $"malformed revert data: {e.Message}", raw);
        }
        return new RevertReason(RevertKind.Unknown, $"unrecognised revert data {Hex.Encode(data[..Math.Min(4, data.Length)])}", raw);
    }

    /// <summary>Solidity's documented panic codes.</summary>
    public static string PanicMeaning(BigInteger code) => (int)BigInteger.Min(code, 0x1000) switch
    {
        0x00 => "generic compiler-inserted panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory (too large allocation)",
        0x51 => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };
}
