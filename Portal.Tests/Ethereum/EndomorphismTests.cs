using System.Numerics;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Tests.Ethereum;

public class EndomorphismTests
{
    private static readonly BigInteger N =
        BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void Glv_multiplication_matches_plain_multiplication()
    {
        const int seed = 404;
        var rng = new Random(seed);
        var scalars = new List<BigInteger> { 0, 1, 2, N - 1, N - 2, N >> 1, (N >> 1) + 1, BigInteger.One << 128, (BigInteger.One << 255) % N };
        scalars.AddRange(Enumerable.Range(0, 60).Select(_ => new BigInteger(KeccakTests.RandomBytes(rng, 32), isUnsigned: true) % N));
        var point = GeneratorTable.Multiply(12345).ToAffine()!.Value;
        foreach (var k in scalars)
        {
            var (k1, k2) = Endomorphism.Split(k);
            Assert.True(BigInteger.Abs(k1).GetBitLength() <= 129 && BigInteger.Abs(k2).GetBitLength() <= 129, $"seed {seed}, k={k:x}: split too long");
            Assert.True(Secp256k1.Multiply(point, k).ToAffine() == Endomorphism.Multiply(point, k).ToAffine(), $"seed {seed}, k={k:x}");
        }
    }
}
