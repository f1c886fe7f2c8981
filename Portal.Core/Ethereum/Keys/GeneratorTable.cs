using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// Fixed-base multiplication k*G: table[i][d] = d * 16^i * G (affine), so k*G is at most 64 mixed additions
/// and no doublings. Built once on first use (~960 affine points).
/// </summary>
internal static class GeneratorTable
{
    private static readonly Lazy<AffinePoint[][]> Table = new(Build);

    public static JacobianPoint Multiply(BigInteger k)
    {
        var table = Table.Value;
        var bytes = k.ToByteArray(isUnsigned: true, isBigEndian: false);
        var acc = JacobianPoint.Infinity;
        for (var i = 0; i < bytes.Length && i < 32; i++)
        {
            var lo = bytes[i] & 0xf;
            var hi = bytes[i] >> 4;
            if (lo != 0)
            {
                acc = Secp256k1.Add(acc, table[2 * i][lo]);
            }
            if (hi != 0)
            {
                acc = Secp256k1.Add(acc, table[(2 * i) + 1][hi]);
            }
        }
        return acc;
    }

    private static AffinePoint[][] Build()
    {
        var table = new AffinePoint[64][];
        var baseJ = new JacobianPoint(Secp256k1.G.X, Secp256k1.G.Y, FieldElement.One);
        for (var i = 0; i < 64; i++)
        {
            var b = baseJ.ToAffine()!.Value;
            var row = new AffinePoint[16];
            var acc = JacobianPoint.Infinity;
            for (var d = 1; d < 16; d++)
            {
                acc = Secp256k1.Add(acc, b);
                row[d] = acc.ToAffine()!.Value;
            }
            table[i] = row;
            baseJ = Secp256k1.Double(Secp256k1.Double(Secp256k1.Double(Secp256k1.Double(baseJ))));
        }
        return table;
    }
}
