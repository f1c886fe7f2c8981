namespace NutPortal.Core.DappStore;

/// <summary>A DApp icon: a small PNG, JPEG, GIF or WebP, recognised by its first bytes (the declared type is not trusted).</summary>
public static class IconCheck
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The content type of an acceptable icon, or the reason it is refused.</summary>
    public static (string? ContentType, string? Error) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, "The icon is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            return (null, $"The icon is {bytes.Length} bytes; the limit is {MaxBytes} bytes (64 KiB).");
        }
        if (bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", null);
        }
        if (bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", null);
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ("image/gif", null);
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", null);
        }
        return (null, "The icon is not a PNG, JPEG, GIF or WebP image (SVG is not accepted: it can carry scripts).");
    }
}
