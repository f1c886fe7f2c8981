using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NutPortal.Core.Ethereum.Hashing;

/// <summary>
/// Keccak-256 as used by Ethereum (original Keccak padding 0x01, not the FIPS-202 SHA3 0x06 padding).
/// </summary>
public static class Keccak256
{
    public const int HashSize = 32;
    private const int Rate = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

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
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (input.Length >= Rate)
        {
            AbsorbBlock(state, input);
            Permute(state);
            input = input[Rate..];
        }
        // Final block: copy the tail, then apply Keccak pad10*1 with domain byte 0x01.
        Span<byte> block = stackalloc byte[Rate];
        block.Clear();
        input.CopyTo(block);
        block[input.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        AbsorbBlock(state, block);
        Permute(state);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output[(i * 8)..], state[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
    }

    /// <summary>keccak-f[1600], fully unrolled within a round over 25 local lanes (generated code).</summary>
    private static void Permute(Span<ulong> s)
    {
        ulong a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4], a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9], a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14], a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19], a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];
        for (var round = 0; round < 24; round++)
        {
            var c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            var c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            var c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            var c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            var c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            var d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            var d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            var d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            var d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            var b00 = a00 ^ d0; var b10 = BitOperations.RotateLeft(a01 ^ d1, 1); var b20 = BitOperations.RotateLeft(a02 ^ d2, 62);
            var b05 = BitOperations.RotateLeft(a03 ^ d3, 28); var b15 = BitOperations.RotateLeft(a04 ^ d4, 27); var b16 = BitOperations.RotateLeft(a05 ^ d0, 36);
            var b01 = BitOperations.RotateLeft(a06 ^ d1, 44); var b11 = BitOperations.RotateLeft(a07 ^ d2, 6); var b21 = BitOperations.RotateLeft(a08 ^ d3, 55);
            var b06 = BitOperations.RotateLeft(a09 ^ d4, 20); var b07 = BitOperations.RotateLeft(a10 ^ d0, 3); var b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
            var b02 = BitOperations.RotateLeft(a12 ^ d2, 43); var b12 = BitOperations.RotateLeft(a13 ^ d3, 25); var b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
            var b23 = BitOperations.RotateLeft(a15 ^ d0, 41); var b08 = BitOperations.RotateLeft(a16 ^ d1, 45); var b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
            var b03 = BitOperations.RotateLeft(a18 ^ d3, 21); var b13 = BitOperations.RotateLeft(a19 ^ d4, 8); var b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
            var b24 = BitOperations.RotateLeft(a21 ^ d1, 2); var b09 = BitOperations.RotateLeft(a22 ^ d2, 61); var b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
            var b04 = BitOperations.RotateLeft(a24 ^ d4, 14);
            a00 = b00 ^ (~b01 & b02); a01 = b01 ^ (~b02 & b03); a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00); a04 = b04 ^ (~b00 & b01); a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08); a07 = b07 ^ (~b08 & b09); a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06); a10 = b10 ^ (~b11 & b12); a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14); a13 = b13 ^ (~b14 & b10); a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17); a16 = b16 ^ (~b17 & b18); a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15); a19 = b19 ^ (~b15 & b16); a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23); a22 = b22 ^ (~b23 & b24); a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a00 ^= RoundConstants[round];
        }
        s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04;
        s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09;
        s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14;
        s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19;
        s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
    }
}
