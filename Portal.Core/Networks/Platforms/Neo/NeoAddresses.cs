using System.Security.Cryptography;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// Neo N3 addresses from script hashes: Base58Check of the address version (53) and the 20 hash bytes as serialized
/// (little-endian; the 0x form people read is the same bytes reversed).
/// </summary>
internal static class NeoAddresses
{
    private const byte AddressVersion = 0x35;

    /// <summary>The address of a script hash as a notification carries it (base64 of the serialized 20 bytes); null when it is not 20 bytes.</summary>
    public static string? FromSerialized(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 20)
        {
            return null;
        }
        var payload = new byte[25];
        payload[0] = AddressVersion;
        hash.CopyTo(payload.AsSpan(1));
        SHA256.HashData(SHA256.HashData(payload.AsSpan(0, 21))).AsSpan(0, 4).CopyTo(payload.AsSpan(21));
        return SimpleBase.Base58.Bitcoin.Encode(payload);
    }

    /// <summary>The address of a 0x-prefixed script hash as RPC answers show it (big-endian); null when it is not one.</summary>
    public static string? FromDisplayed(string? hash)
    {
        if (hash is not { Length: 42 } || !hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var bytes = Convert.FromHexString(hash.AsSpan(2));
        Array.Reverse(bytes);
        return FromSerialized(bytes);
    }
}
