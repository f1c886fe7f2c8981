using System.Buffers.Text;
using System.Text;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>A recipient's copy of a secret payload's content key: their address (0x-hex) and the ECIES ciphertext.</summary>
public sealed record RecipientKey(string Address, byte[] Sealed);

/// <summary>
/// The text an encrypted argument carries on chain, all base64url without padding:
/// <c>npenc1:confidential:KEYID:PAYLOAD</c> where PAYLOAD is nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16) under the
/// network's data key KEYID; or <c>npenc1:secret:KEYID:PAYLOAD:NETWRAP:ADDR.SEALED,ADDR.SEALED…</c> where PAYLOAD is
/// under a fresh content key, NETWRAP is that key under the network's data key (AES-GCM) and each SEALED is that key
/// ECIES-encrypted to a named recipient whose address is ADDR. The header (<c>npenc1:LEVEL:KEYID</c>) is the GCM
/// associated data, so a payload cannot be moved to another level or key.
/// </summary>
public sealed record EncryptedMarker(SecurityLevel Level, string KeyId, byte[] Payload, byte[]? NetworkWrap, IReadOnlyList<RecipientKey> Recipients)
{
    public const string Prefix = "npenc1:";

    private const string MarkerChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:.,";

    public string Header => $"{Prefix}{Level.ToString().ToLowerInvariant()}:{KeyId}";

    public static bool IsMarker(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    public override string ToString()
    {
        var text = $"{Header}:{B64(Payload)}";
        return NetworkWrap is null ? text : $"{text}:{B64(NetworkWrap)}:{string.Join(',', Recipients.Select(r => $"{r.Address}.{B64(r.Sealed)}"))}";
    }

    /// <summary>Every marker in a transaction's calldata (ABI strings and bytes hold it as ASCII).</summary>
    public static IReadOnlyList<EncryptedMarker> FindIn(byte[] calldata)
    {
        var found = new List<EncryptedMarker>();
        var prefix = Encoding.ASCII.GetBytes(Prefix);
        var span = calldata.AsSpan();
        var at = 0;
        while (at < span.Length && span[at..].IndexOf(prefix) is var i and >= 0)
        {
            var start = at + i;
            var end = start + prefix.Length;
            while (end < span.Length && MarkerChars.Contains((char)span[end], StringComparison.Ordinal))
            {
                end++;
            }
            if (TryParse(Encoding.ASCII.GetString(span[start..end]), out var marker))
            {
                found.Add(marker);
            }
            at = end;
        }
        return found;
    }

    public static bool TryParse(string text, out EncryptedMarker marker)
    {
        marker = null!;
        if (!IsMarker(text))
        {
            return false;
        }
        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length < 3 || !Enum.TryParse<SecurityLevel>(parts[0], ignoreCase: true, out var level) || parts[0].Any(char.IsUpper)
            || level is not (SecurityLevel.Confidential or SecurityLevel.Secret) || Unb64(parts[2]) is not { Length: > 28 } payload)
        {
            return false;
        }
        if (level == SecurityLevel.Confidential)
        {
            marker = parts.Length == 3 ? new EncryptedMarker(level, parts[1], payload, null, []) : null!;
            return marker is not null;
        }
        if (parts.Length != 5 || Unb64(parts[3]) is not { } wrap)
        {
            return false;
        }
        var recipients = new List<RecipientKey>();
        foreach (var entry in parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = entry.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || Unb64(entry[(dot + 1)..]) is not { } sealedKey)
            {
                return false;
            }
            recipients.Add(new RecipientKey(entry[..dot], sealedKey));
        }
        marker = new EncryptedMarker(level, parts[1], payload, wrap, recipients);
        return true;
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static byte[]? Unb64(string text)
    {
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
