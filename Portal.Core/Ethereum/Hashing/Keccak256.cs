using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NutPortal.Core.Ethereum.Hashing;

/// <summary>
/// Keccak-256 as used by Ethereum (original Keccak padding 0x01, not the FIPS-202 SHA3 0x06 padding).
/// </summary>
public static class Keccak256
{
    public const int HashSize = 32;
    private const int Rate = 136;
    private const int RateLanes = Rate / 8;

    /// <summary>Returns the 32-byte Keccak-256 digest of <paramref name="input"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var output = new byte[HashSize];
        Hash(input, output);
        return output;
    }

    /// <summary>Writes the 32-byte digest of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < HashSize)
        {
            throw new ArgumentException("Output must hold 32 bytes.", nameof(output));
        }
        var state = default(State);
        ref var lanes = ref Unsafe.As<State, ulong>(ref state);
        // Lanes are read straight from the input through refs: every read below stays within input.Length, so
        // the hot loop carries no bounds checks.
        ref var next = ref MemoryMarshal.GetReference(input);
        var remaining = input.Length;
        while (remaining >= Rate)
        {
            for (var i = 0; i < RateLanes; i++)
            {
                Unsafe.Add(ref lanes, i) ^= ReadLane(ref Unsafe.Add(ref next, i * 8));
            }
            KeccakF1600.Permute(ref lanes, squeeze: false);
            next = ref Unsafe.Add(ref next, Rate);
            remaining -= Rate;
        }
        if (BitConverter.IsLittleEndian && remaining == input.Length)
        {
            // Nothing absorbed yet (the common case: input shorter than one block). The state is zero, so absorbing
            // is a copy. The domain byte 0x01 goes in with a whole-lane xor, not a byte store: a lane load spanning a
            // byte store and the zeroing store cannot be store-forwarded.
            Unsafe.CopyBlockUnaligned(ref Unsafe.As<ulong, byte>(ref lanes), ref next, (uint)remaining);
            Unsafe.Add(ref lanes, remaining >> 3) ^= 1UL << (8 * (remaining & 7));
        }
        else
        {
            // Final block: whole lanes of the tail, then the partial lane with Keccak pad10*1 (domain byte 0x01).
            var whole = remaining >> 3;
            for (var i = 0; i < whole; i++)
            {
                Unsafe.Add(ref lanes, i) ^= ReadLane(ref Unsafe.Add(ref next, i * 8));
            }
            var tail = remaining & 7;
            ulong last = 0;
            for (var j = 0; j < tail; j++)
            {
                last |= (ulong)Unsafe.Add(ref next, (whole * 8) + j) << (8 * j);
            }
            Unsafe.Add(ref lanes, whole) ^= last ^ (1UL << (8 * tail));
        }
        Unsafe.Add(ref lanes, RateLanes - 1) ^= 0x8000000000000000UL;
        KeccakF1600.Permute(ref lanes, squeeze: true);
        for (var i = 0; i < HashSize / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output[(i * 8)..], Unsafe.Add(ref lanes, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadLane(ref byte source)
    {
        var lane = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? lane : BinaryPrimitives.ReverseEndianness(lane);
    }

    /// <summary>The 25-lane sponge state, on the stack.</summary>
    [InlineArray(25)]
    private struct State
    {
        private ulong _lane;
    }
}
