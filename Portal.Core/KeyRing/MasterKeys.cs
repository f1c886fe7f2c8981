using System.Security.Cryptography;

namespace NutPortal.Core.KeyRing;

/// <summary>The configured master key and the earlier ones, each known by a short id (the first 8 bytes of its SHA-256),
/// which is written beside every key it encrypts so the right one is found after a rotation.</summary>
public sealed class MasterKeys
{
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public MasterKeys(KeyRingOptions options)
    {
        if (options.UsesMasterKey)
        {
            Current = Decode(options.MasterKey!, $"{KeyRingOptions.Section}:MasterKey");
            CurrentId = IdOf(Current);
            _byId[CurrentId] = Current;
        }
        for (var i = 0; i < options.PreviousMasterKeys.Count; i++)
        {
            var key = Decode(options.PreviousMasterKeys[i], $"{KeyRingOptions.Section}:PreviousMasterKeys:{i}");
            _byId.TryAdd(IdOf(key), key);
        }
    }

    public byte[]? Current { get; }

    public string? CurrentId { get; }

    public byte[] ById(string id) => _byId.TryGetValue(id, out var key) ? key
        : throw new CryptographicException($"A data-protection key was encrypted under master key {id}, which is not configured; add it to {KeyRingOptions.Section}:PreviousMasterKeys.");

    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>Checks a configured value: base64 of exactly 32 bytes.</summary>
    public static byte[] Decode(string value, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64; make one with `openssl rand -base64 32`.");
        }
        return key.Length == 32 ? key : throw new InvalidOperationException($"{setting} is {key.Length} bytes; it must be 32 (`openssl rand -base64 32`).");
    }
}
