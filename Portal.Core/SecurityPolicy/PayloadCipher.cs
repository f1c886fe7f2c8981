using System.Security.Cryptography;
using System.Text;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// Multi-level encryption of payloads (ITU-T Y.3530 8.4.7): confidential under the network's data key (AES-256-GCM,
/// .NET's), secret under a fresh content key that is wrapped under the network's data key and sealed to each named
/// recipient's secp256k1 public key (<see cref="Ecies"/>). See <see cref="EncryptedMarker"/> for the format.
/// </summary>
public static class PayloadCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static EncryptedMarker Encrypt(SecurityLevel level, string keyId, byte[] networkKey, byte[] plaintext, IReadOnlyList<byte[]> recipientPublicKeys)
    {
        var header = Encoding.ASCII.GetBytes($"{EncryptedMarker.Prefix}{level.ToString().ToLowerInvariant()}:{keyId}");
        if (level == SecurityLevel.Confidential)
        {
            return new EncryptedMarker(level, keyId, Seal(networkKey, plaintext, header), null, []);
        }
        if (level != SecurityLevel.Secret)
        {
            throw new ArgumentException("Only confidential and secret payloads are encrypted.", nameof(level));
        }
        var contentKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var recipients = recipientPublicKeys
                .Select(p => new RecipientKey(Address.FromPublicKey(Ecies.Uncompressed(p)).ToLowerHex(), Ecies.Encrypt(p, contentKey)))
                .ToList();
            return new EncryptedMarker(level, keyId, Seal(contentKey, plaintext, header), Seal(networkKey, contentKey, header), recipients);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>Opens a marker with the network's data key; throws <see cref="CryptographicException"/> when the key or payload does not fit.</summary>
    public static byte[] Decrypt(EncryptedMarker marker, byte[] networkKey)
    {
        var header = Encoding.ASCII.GetBytes(marker.Header);
        if (marker.NetworkWrap is null)
        {
            return Open(networkKey, marker.Payload, header);
        }
        var contentKey = Open(networkKey, marker.NetworkWrap, header);
        try
        {
            return Open(contentKey, marker.Payload, header);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>Opens a secret marker as one of its recipients, with their private key alone (no portal involved).</summary>
    public static byte[] DecryptAsRecipient(EncryptedMarker marker, PrivateKey recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var address = recipient.Address.ToLowerHex();
        var copy = marker.Recipients.FirstOrDefault(r => r.Address == address)
            ?? throw new CryptographicException($"The payload was not sealed to {address}.");
        var raw = recipient.ExportBytes();
        byte[] contentKey;
        try
        {
            contentKey = Ecies.Decrypt(raw, copy.Sealed);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("The recipient's key does not open the payload.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
        try
        {
            return Open(contentKey, marker.Payload, Encoding.ASCII.GetBytes(marker.Header));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    private static byte[] Seal(byte[] key, byte[] plaintext, byte[] header)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), header);
        return output;
    }

    private static byte[] Open(byte[] key, byte[] sealedBytes, byte[] header)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The payload is too short.");
        }
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), plaintext, header);
        return plaintext;
    }
}
