namespace NutPortal.Web.Bench;

/// <summary>The throwaway portals a suite starts run in Production, which refuses a key ring in clear: they share a
/// master key made fresh for this process.</summary>
internal static class BenchKeys
{
    public static readonly string MasterKeySetting =
        $"--Portal:DataProtection:MasterKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";
}
