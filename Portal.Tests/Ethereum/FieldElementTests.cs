using System.Numerics;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Tests.Ethereum;

/// <summary>The limb-based field against BigInteger arithmetic mod p, with values chosen near the limb and modulus edges.</summary>
public class FieldElementTests
{
    private static readonly BigInteger P = (BigInteger.One << 256) - (BigInteger.One << 32) - 977;

    [Fact]
    public void Matches_BigInteger_arithmetic_mod_p_including_edge_values()
    {
        const int seed = 65537;
        var rng = new Random(seed);
        var edges = new List<BigInteger> { 0, 1, 2, 977, (BigInteger.One << 32) + 977, P - 1, P - 2, (P - 1) / 2, BigInteger.One << 255, (BigInteger.One << 64) - 1, BigInteger.One << 64, (BigInteger.One << 192) - 1 };
        var values = edges.Concat(Enumerable.Range(0, 300).Select(_ => Random(rng))).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Count];
            var fa = FieldElement.FromBigInteger(a);
            var fb = FieldElement.FromBigInteger(b);
            var why = $"seed {seed}, a={a:x}, b={b:x}";
            Assert.True((fa + fb).ToBigInteger() == (a + b) % P, why);
            Assert.True((fa - fb).ToBigInteger() == ((a - b) % P + P) % P, why);
            Assert.True((fa * fb).ToBigInteger() == a * b % P, why);
            Assert.True(fa.Square().ToBigInteger() == a * a % P, why);
            Assert.True((-fa).ToBigInteger() == (P - a) % P, why);
            if (!a.IsZero)
            {
                Assert.True((fa * fa.Invert()).ToBigInteger() == 1, why);
            }
            var hasRoot = BigInteger.ModPow(a, (P - 1) / 2, P) <= 1;
            var root = fa.Sqrt();
            Assert.True(hasRoot == root.HasValue, why);
            if (root is { } r)
            {
                Assert.True(r.Square() == fa, why);
            }
        }
        Assert.Null(FieldElement.FromBytes(P.ToByteArray(isUnsigned: true, isBigEndian: true)));
    }

    private static BigInteger Random(Random rng)
    {
        while (true)
        {
            var b = KeccakTests.RandomBytes(rng, 32);
            if (rng.Next(4) == 0)
            {
                b.AsSpan(0, rng.Next(1, 24)).Fill(0xff); // push towards p
            }
            var v = new BigInteger(b, isUnsigned: true, isBigEndian: true);
            if (v < P)
            {
                return v;
            }
        }
    }
}
