using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NutPortal.Core.Ethereum.Hashing;

/// <summary>
/// The keccak-f[1600] permutation over 25 little-endian lanes (lane index 5y + x), scalar, on locals.
/// </summary>
/// <remarks>
/// Measured on the 2-core AMD EPYC (Zen 3) this project runs on, a round is bound by its 130 ALU operations and by
/// the θ step, which needs every lane of the previous round before any lane of the next can move. What helped:
/// four rounds per loop iteration (about 3% over two; twelve or twenty-four were slower), and a squeezing call
/// that forms only the four digest lanes in the last round (about 2%). What did not: a single-state AVX2 version
/// (lanes in seven Vector256 registers) ran at 0.80-0.86x of this code, because Zen 3's cross-lane permutes take about
/// six cycles and the gathers of χ cost about forty blends and shuffles per round.
/// </remarks>
internal static class KeccakF1600
{
    // RVA static data: read through a ref in the permutation, without bounds checks.
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>
    /// Runs the 24 rounds on <paramref name="s"/> in place. A squeezing call writes only lanes 0..3 (the 32
    /// bytes of a Keccak-256 digest) and leaves lanes 4..24 stale: the last round computes just that row.
    /// </summary>
    public static void Permute(ref ulong s, bool squeeze)
    {
        ulong a00 = s, a01 = Unsafe.Add(ref s, 1), a02 = Unsafe.Add(ref s, 2), a03 = Unsafe.Add(ref s, 3), a04 = Unsafe.Add(ref s, 4);
        ulong a05 = Unsafe.Add(ref s, 5), a06 = Unsafe.Add(ref s, 6), a07 = Unsafe.Add(ref s, 7), a08 = Unsafe.Add(ref s, 8), a09 = Unsafe.Add(ref s, 9);
        ulong a10 = Unsafe.Add(ref s, 10), a11 = Unsafe.Add(ref s, 11), a12 = Unsafe.Add(ref s, 12), a13 = Unsafe.Add(ref s, 13), a14 = Unsafe.Add(ref s, 14);
        ulong a15 = Unsafe.Add(ref s, 15), a16 = Unsafe.Add(ref s, 16), a17 = Unsafe.Add(ref s, 17), a18 = Unsafe.Add(ref s, 18), a19 = Unsafe.Add(ref s, 19);
        ulong a20 = Unsafe.Add(ref s, 20), a21 = Unsafe.Add(ref s, 21), a22 = Unsafe.Add(ref s, 22), a23 = Unsafe.Add(ref s, 23), a24 = Unsafe.Add(ref s, 24);
        ulong e00, e01, e02, e03, e04, e05, e06, e07, e08, e09, e10, e11, e12, e13, e14, e15, e16, e17, e18, e19, e20, e21, e22, e23, e24;
        ulong c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;
        ref var rc = ref MemoryMarshal.GetReference(RoundConstants);
        // A squeezing call leaves the loop after round 23 (index 22) and finishes with the partial round below.
        var stop = squeeze ? 22 : -1;
        for (var round = 0; ; round += 4)
        {
            c0 = (a00 ^ a05) ^ (a10 ^ a15) ^ a20;
            c1 = (a01 ^ a06) ^ (a11 ^ a16) ^ a21;
            c2 = (a02 ^ a07) ^ (a12 ^ a17) ^ a22;
            c3 = (a03 ^ a08) ^ (a13 ^ a18) ^ a23;
            c4 = (a04 ^ a09) ^ (a14 ^ a19) ^ a24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = a00 ^ d0; b1 = BitOperations.RotateLeft(a06 ^ d1, 44); b2 = BitOperations.RotateLeft(a12 ^ d2, 43); b3 = BitOperations.RotateLeft(a18 ^ d3, 21); b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            e00 = b0 ^ (~b1 & b2); e01 = b1 ^ (~b2 & b3); e02 = b2 ^ (~b3 & b4); e03 = b3 ^ (~b4 & b0); e04 = b4 ^ (~b0 & b1);
            b2 = BitOperations.RotateLeft(a10 ^ d0, 3); b3 = BitOperations.RotateLeft(a16 ^ d1, 45); b4 = BitOperations.RotateLeft(a22 ^ d2, 61); b0 = BitOperations.RotateLeft(a03 ^ d3, 28); b1 = BitOperations.RotateLeft(a09 ^ d4, 20);
            e05 = b0 ^ (~b1 & b2); e06 = b1 ^ (~b2 & b3); e07 = b2 ^ (~b3 & b4); e08 = b3 ^ (~b4 & b0); e09 = b4 ^ (~b0 & b1);
            b4 = BitOperations.RotateLeft(a20 ^ d0, 18); b0 = BitOperations.RotateLeft(a01 ^ d1, 1); b1 = BitOperations.RotateLeft(a07 ^ d2, 6); b2 = BitOperations.RotateLeft(a13 ^ d3, 25); b3 = BitOperations.RotateLeft(a19 ^ d4, 8);
            e10 = b0 ^ (~b1 & b2); e11 = b1 ^ (~b2 & b3); e12 = b2 ^ (~b3 & b4); e13 = b3 ^ (~b4 & b0); e14 = b4 ^ (~b0 & b1);
            b1 = BitOperations.RotateLeft(a05 ^ d0, 36); b2 = BitOperations.RotateLeft(a11 ^ d1, 10); b3 = BitOperations.RotateLeft(a17 ^ d2, 15); b4 = BitOperations.RotateLeft(a23 ^ d3, 56); b0 = BitOperations.RotateLeft(a04 ^ d4, 27);
            e15 = b0 ^ (~b1 & b2); e16 = b1 ^ (~b2 & b3); e17 = b2 ^ (~b3 & b4); e18 = b3 ^ (~b4 & b0); e19 = b4 ^ (~b0 & b1);
            b3 = BitOperations.RotateLeft(a15 ^ d0, 41); b4 = BitOperations.RotateLeft(a21 ^ d1, 2); b0 = BitOperations.RotateLeft(a02 ^ d2, 62); b1 = BitOperations.RotateLeft(a08 ^ d3, 55); b2 = BitOperations.RotateLeft(a14 ^ d4, 39);
            e20 = b0 ^ (~b1 & b2); e21 = b1 ^ (~b2 & b3); e22 = b2 ^ (~b3 & b4); e23 = b3 ^ (~b4 & b0); e24 = b4 ^ (~b0 & b1);
            e00 ^= Unsafe.Add(ref rc, round);
            c0 = (e00 ^ e05) ^ (e10 ^ e15) ^ e20;
            c1 = (e01 ^ e06) ^ (e11 ^ e16) ^ e21;
            c2 = (e02 ^ e07) ^ (e12 ^ e17) ^ e22;
            c3 = (e03 ^ e08) ^ (e13 ^ e18) ^ e23;
            c4 = (e04 ^ e09) ^ (e14 ^ e19) ^ e24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = e00 ^ d0; b1 = BitOperations.RotateLeft(e06 ^ d1, 44); b2 = BitOperations.RotateLeft(e12 ^ d2, 43); b3 = BitOperations.RotateLeft(e18 ^ d3, 21); b4 = BitOperations.RotateLeft(e24 ^ d4, 14);
            a00 = b0 ^ (~b1 & b2); a01 = b1 ^ (~b2 & b3); a02 = b2 ^ (~b3 & b4); a03 = b3 ^ (~b4 & b0); a04 = b4 ^ (~b0 & b1);
            b2 = BitOperations.RotateLeft(e10 ^ d0, 3); b3 = BitOperations.RotateLeft(e16 ^ d1, 45); b4 = BitOperations.RotateLeft(e22 ^ d2, 61); b0 = BitOperations.RotateLeft(e03 ^ d3, 28); b1 = BitOperations.RotateLeft(e09 ^ d4, 20);
            a05 = b0 ^ (~b1 & b2); a06 = b1 ^ (~b2 & b3); a07 = b2 ^ (~b3 & b4); a08 = b3 ^ (~b4 & b0); a09 = b4 ^ (~b0 & b1);
            b4 = BitOperations.RotateLeft(e20 ^ d0, 18); b0 = BitOperations.RotateLeft(e01 ^ d1, 1); b1 = BitOperations.RotateLeft(e07 ^ d2, 6); b2 = BitOperations.RotateLeft(e13 ^ d3, 25); b3 = BitOperations.RotateLeft(e19 ^ d4, 8);
            a10 = b0 ^ (~b1 & b2); a11 = b1 ^ (~b2 & b3); a12 = b2 ^ (~b3 & b4); a13 = b3 ^ (~b4 & b0); a14 = b4 ^ (~b0 & b1);
            b1 = BitOperations.RotateLeft(e05 ^ d0, 36); b2 = BitOperations.RotateLeft(e11 ^ d1, 10); b3 = BitOperations.RotateLeft(e17 ^ d2, 15); b4 = BitOperations.RotateLeft(e23 ^ d3, 56); b0 = BitOperations.RotateLeft(e04 ^ d4, 27);
            a15 = b0 ^ (~b1 & b2); a16 = b1 ^ (~b2 & b3); a17 = b2 ^ (~b3 & b4); a18 = b3 ^ (~b4 & b0); a19 = b4 ^ (~b0 & b1);
            b3 = BitOperations.RotateLeft(e15 ^ d0, 41); b4 = BitOperations.RotateLeft(e21 ^ d1, 2); b0 = BitOperations.RotateLeft(e02 ^ d2, 62); b1 = BitOperations.RotateLeft(e08 ^ d3, 55); b2 = BitOperations.RotateLeft(e14 ^ d4, 39);
            a20 = b0 ^ (~b1 & b2); a21 = b1 ^ (~b2 & b3); a22 = b2 ^ (~b3 & b4); a23 = b3 ^ (~b4 & b0); a24 = b4 ^ (~b0 & b1);
            a00 ^= Unsafe.Add(ref rc, round + 1);
            c0 = (a00 ^ a05) ^ (a10 ^ a15) ^ a20;
            c1 = (a01 ^ a06) ^ (a11 ^ a16) ^ a21;
            c2 = (a02 ^ a07) ^ (a12 ^ a17) ^ a22;
            c3 = (a03 ^ a08) ^ (a13 ^ a18) ^ a23;
            c4 = (a04 ^ a09) ^ (a14 ^ a19) ^ a24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = a00 ^ d0; b1 = BitOperations.RotateLeft(a06 ^ d1, 44); b2 = BitOperations.RotateLeft(a12 ^ d2, 43); b3 = BitOperations.RotateLeft(a18 ^ d3, 21); b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            e00 = b0 ^ (~b1 & b2); e01 = b1 ^ (~b2 & b3); e02 = b2 ^ (~b3 & b4); e03 = b3 ^ (~b4 & b0); e04 = b4 ^ (~b0 & b1);
            b2 = BitOperations.RotateLeft(a10 ^ d0, 3); b3 = BitOperations.RotateLeft(a16 ^ d1, 45); b4 = BitOperations.RotateLeft(a22 ^ d2, 61); b0 = BitOperations.RotateLeft(a03 ^ d3, 28); b1 = BitOperations.RotateLeft(a09 ^ d4, 20);
            e05 = b0 ^ (~b1 & b2); e06 = b1 ^ (~b2 & b3); e07 = b2 ^ (~b3 & b4); e08 = b3 ^ (~b4 & b0); e09 = b4 ^ (~b0 & b1);
            b4 = BitOperations.RotateLeft(a20 ^ d0, 18); b0 = BitOperations.RotateLeft(a01 ^ d1, 1); b1 = BitOperations.RotateLeft(a07 ^ d2, 6); b2 = BitOperations.RotateLeft(a13 ^ d3, 25); b3 = BitOperations.RotateLeft(a19 ^ d4, 8);
            e10 = b0 ^ (~b1 & b2); e11 = b1 ^ (~b2 & b3); e12 = b2 ^ (~b3 & b4); e13 = b3 ^ (~b4 & b0); e14 = b4 ^ (~b0 & b1);
            b1 = BitOperations.RotateLeft(a05 ^ d0, 36); b2 = BitOperations.RotateLeft(a11 ^ d1, 10); b3 = BitOperations.RotateLeft(a17 ^ d2, 15); b4 = BitOperations.RotateLeft(a23 ^ d3, 56); b0 = BitOperations.RotateLeft(a04 ^ d4, 27);
            e15 = b0 ^ (~b1 & b2); e16 = b1 ^ (~b2 & b3); e17 = b2 ^ (~b3 & b4); e18 = b3 ^ (~b4 & b0); e19 = b4 ^ (~b0 & b1);
            b3 = BitOperations.RotateLeft(a15 ^ d0, 41); b4 = BitOperations.RotateLeft(a21 ^ d1, 2); b0 = BitOperations.RotateLeft(a02 ^ d2, 62); b1 = BitOperations.RotateLeft(a08 ^ d3, 55); b2 = BitOperations.RotateLeft(a14 ^ d4, 39);
            e20 = b0 ^ (~b1 & b2); e21 = b1 ^ (~b2 & b3); e22 = b2 ^ (~b3 & b4); e23 = b3 ^ (~b4 & b0); e24 = b4 ^ (~b0 & b1);
            e00 ^= Unsafe.Add(ref rc, round + 2);
            if (round + 2 == stop)
            {
                break;
            }
            c0 = (e00 ^ e05) ^ (e10 ^ e15) ^ e20;
            c1 = (e01 ^ e06) ^ (e11 ^ e16) ^ e21;
            c2 = (e02 ^ e07) ^ (e12 ^ e17) ^ e22;
            c3 = (e03 ^ e08) ^ (e13 ^ e18) ^ e23;
            c4 = (e04 ^ e09) ^ (e14 ^ e19) ^ e24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = e00 ^ d0; b1 = BitOperations.RotateLeft(e06 ^ d1, 44); b2 = BitOperations.RotateLeft(e12 ^ d2, 43); b3 = BitOperations.RotateLeft(e18 ^ d3, 21); b4 = BitOperations.RotateLeft(e24 ^ d4, 14);
            a00 = b0 ^ (~b1 & b2); a01 = b1 ^ (~b2 & b3); a02 = b2 ^ (~b3 & b4); a03 = b3 ^ (~b4 & b0); a04 = b4 ^ (~b0 & b1);
            b2 = BitOperations.RotateLeft(e10 ^ d0, 3); b3 = BitOperations.RotateLeft(e16 ^ d1, 45); b4 = BitOperations.RotateLeft(e22 ^ d2, 61); b0 = BitOperations.RotateLeft(e03 ^ d3, 28); b1 = BitOperations.RotateLeft(e09 ^ d4, 20);
            a05 = b0 ^ (~b1 & b2); a06 = b1 ^ (~b2 & b3); a07 = b2 ^ (~b3 & b4); a08 = b3 ^ (~b4 & b0); a09 = b4 ^ (~b0 & b1);
            b4 = BitOperations.RotateLeft(e20 ^ d0, 18); b0 = BitOperations.RotateLeft(e01 ^ d1, 1); b1 = BitOperations.RotateLeft(e07 ^ d2, 6); b2 = BitOperations.RotateLeft(e13 ^ d3, 25); b3 = BitOperations.RotateLeft(e19 ^ d4, 8);
            a10 = b0 ^ (~b1 & b2); a11 = b1 ^ (~b2 & b3); a12 = b2 ^ (~b3 & b4); a13 = b3 ^ (~b4 & b0); a14 = b4 ^ (~b0 & b1);
            b1 = BitOperations.RotateLeft(e05 ^ d0, 36); b2 = BitOperations.RotateLeft(e11 ^ d1, 10); b3 = BitOperations.RotateLeft(e17 ^ d2, 15); b4 = BitOperations.RotateLeft(e23 ^ d3, 56); b0 = BitOperations.RotateLeft(e04 ^ d4, 27);
            a15 = b0 ^ (~b1 & b2); a16 = b1 ^ (~b2 & b3); a17 = b2 ^ (~b3 & b4); a18 = b3 ^ (~b4 & b0); a19 = b4 ^ (~b0 & b1);
            b3 = BitOperations.RotateLeft(e15 ^ d0, 41); b4 = BitOperations.RotateLeft(e21 ^ d1, 2); b0 = BitOperations.RotateLeft(e02 ^ d2, 62); b1 = BitOperations.RotateLeft(e08 ^ d3, 55); b2 = BitOperations.RotateLeft(e14 ^ d4, 39);
            a20 = b0 ^ (~b1 & b2); a21 = b1 ^ (~b2 & b3); a22 = b2 ^ (~b3 & b4); a23 = b3 ^ (~b4 & b0); a24 = b4 ^ (~b0 & b1);
            a00 ^= Unsafe.Add(ref rc, round + 3);
            if (round == 20)
            {
            s = a00; Unsafe.Add(ref s, 1) = a01; Unsafe.Add(ref s, 2) = a02; Unsafe.Add(ref s, 3) = a03; Unsafe.Add(ref s, 4) = a04;
            Unsafe.Add(ref s, 5) = a05; Unsafe.Add(ref s, 6) = a06; Unsafe.Add(ref s, 7) = a07; Unsafe.Add(ref s, 8) = a08; Unsafe.Add(ref s, 9) = a09;
            Unsafe.Add(ref s, 10) = a10; Unsafe.Add(ref s, 11) = a11; Unsafe.Add(ref s, 12) = a12; Unsafe.Add(ref s, 13) = a13; Unsafe.Add(ref s, 14) = a14;
            Unsafe.Add(ref s, 15) = a15; Unsafe.Add(ref s, 16) = a16; Unsafe.Add(ref s, 17) = a17; Unsafe.Add(ref s, 18) = a18; Unsafe.Add(ref s, 19) = a19;
            Unsafe.Add(ref s, 20) = a20; Unsafe.Add(ref s, 21) = a21; Unsafe.Add(ref s, 22) = a22; Unsafe.Add(ref s, 23) = a23; Unsafe.Add(ref s, 24) = a24;
                return;
            }
        }
        // Round 24 (index 23) of a squeeze: only row 0 of its χ is read out, so only that row's b0..b4 are formed.
        c0 = (e00 ^ e05) ^ (e10 ^ e15) ^ e20;
        c1 = (e01 ^ e06) ^ (e11 ^ e16) ^ e21;
        c2 = (e02 ^ e07) ^ (e12 ^ e17) ^ e22;
        c3 = (e03 ^ e08) ^ (e13 ^ e18) ^ e23;
        c4 = (e04 ^ e09) ^ (e14 ^ e19) ^ e24;
        b0 = e00 ^ c4 ^ BitOperations.RotateLeft(c1, 1);
        b1 = BitOperations.RotateLeft(e06 ^ c0 ^ BitOperations.RotateLeft(c2, 1), 44);
        b2 = BitOperations.RotateLeft(e12 ^ c1 ^ BitOperations.RotateLeft(c3, 1), 43);
        b3 = BitOperations.RotateLeft(e18 ^ c2 ^ BitOperations.RotateLeft(c4, 1), 21);
        b4 = BitOperations.RotateLeft(e24 ^ c3 ^ BitOperations.RotateLeft(c0, 1), 14);
        s = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rc, 23);
        Unsafe.Add(ref s, 1) = b1 ^ (~b2 & b3);
        Unsafe.Add(ref s, 2) = b2 ^ (~b3 & b4);
        Unsafe.Add(ref s, 3) = b3 ^ (~b4 & b0);
    }
}
