using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>A 20-byte Ethereum address. ToString gives the EIP-55 form (Nethereum's AddressUtil); default is the zero address.</summary>
public readonly struct Address : IEquatable<Address>
{
    public const int Length = 20;
    private static readonly byte[] ZeroBytes = new byte[Length];
    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    public static Address Zero => default;

    public ReadOnlySpan<byte> Span => _bytes ?? ZeroBytes;

    public byte[] ToBytes() => Span.ToArray();

    public static Address FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length ? new Address(bytes.ToArray()) : throw new FormatException($"An address is 20 bytes, got {bytes.Length}.");

    /// <summary>Address of an uncompressed public key (65 bytes with 0x04 prefix, or the raw 64 bytes).</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        var raw = publicKey.Length == 65 && publicKey[0] == 0x04 ? publicKey[1..] : publicKey;
        return raw.Length == 64
            ? new Address(Sha3Keccack.Current.CalculateHash(raw.ToArray())[12..])
            : throw new ArgumentException("Expected an uncompressed public key.", nameof(publicKey));
    }

    /// <summary>"0x" + 40 hex digits (prefix optional); mixed case must carry a valid EIP-55 checksum.</summary>
    public static Address Parse(string text) => TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        var digits = text is null ? "" : Hex.StripPrefix(text.Trim()).ToString();
        error = $"'{text}' is not an address: expected 0x followed by 40 hex digits.";
        if (digits.Length != 40 || !Hex.IsHex(digits))
        {
            return false;
        }
        var mixed = digits.Any(char.IsAsciiLetterLower) && digits.Any(char.IsAsciiLetterUpper);
        var candidate = new Address(Convert.FromHexString(digits));
        if (mixed && !AddressUtil.Current.IsChecksumAddress("0x" + digits))
        {
            error = $"'{text}' has an invalid EIP-55 checksum (mixed case must match {candidate}).";
            return false;
        }
        address = candidate;
        return true;
    }

    public string ToLowerHex() => Hex.Encode(Span);

    public override string ToString() => AddressUtil.Current.ConvertToChecksumAddress(Span.ToArray());

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
