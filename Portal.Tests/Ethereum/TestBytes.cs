namespace NutPortal.Tests.Ethereum;

/// <summary>Seeded random bytes for the differential tests (a failing case names its seed).</summary>
internal static class TestBytes
{
    public static byte[] Random(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }
}
