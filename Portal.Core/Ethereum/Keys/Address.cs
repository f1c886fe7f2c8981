using System.Diagnostics.CodeAnalysis;
using NutPortal.Core.Ethereum.Hashing;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>A 20-byte Ethereum address. ToString gives the EIP-55 checksummed form; default is the zero address.</summary>
public readonly struct Address : IEquatable<Address>
{
    public const int Length = 20;
    private static readonly byte[] ZeroBytes = new byte[Length];
    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    public static Address Zero => default;

    /// <summary>The 20 bytes (a copy).</summary>
    public byte[] ToBytes() => _bytes is null ? new byte[Length] : (byte[])_bytes.Clone();

    public ReadOnlySpan<byte> Span => _bytes ?? ZeroBytes;

    public static Address FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length ? new Address(bytes.ToArray()) : throw new FormatException($"An address is 20 bytes, got {bytes.Length}.");

    /// <summary>Address of an uncompressed public key (65 bytes with 0x04 prefix, or the raw 64 bytes).</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }
        if (publicKey.Length != 64)
        {
            throw new ArgumentException("Expected an uncompressed public key.", nameof(publicKey));
        }
        return new Address(Keccak256.Hash(publicKey)[12..]);
    }

    /// <summary>
    /// Parses "0x" + 40 hex digits (prefix optional). All-lowercase or all-uppercase is accepted as is;
    /// mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException(error);
        }
        return address;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null)
        {
            error = "Address is null.";
            return false;
        }
        var digits = Hex.StripPrefix(text.Trim());
        if (digits.Length != 40 || !Hex.IsHex(digits.ToString()))
        {
            error = $"'{text}' is not an address: expected 0x followed by 40 hex digits.";
            return false;
        }
        var candidate = new Address(Convert.FromHexString(digits));
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !digits.SequenceEqual(candidate.ToString().AsSpan(2)))
        {
            error = $"'{text}' has an invalid EIP-55 checksum (mixed case must match {candidate}).";
            return false;
        }
        address = candidate;
        error = "";
        return true;
    }

    /// <summary>Lowercase hex with 0x.</summary>
    public string ToLowerHex() => Hex.Encode(Span);

    /// <summary>EIP-55 checksummed hex with 0x.</summary>
    public override string ToString()
    {
        var lower = Convert.ToHexStringLower(Span);
        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower));
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xf;
            if (chars[i] >= 'a' && nibble >= 8)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return "0x" + new string(chars);
    }

    public bool Equals(Address other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var hc = new HashCode();
        hc.AddBytes(Span);
        return hc.ToHashCode();
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
