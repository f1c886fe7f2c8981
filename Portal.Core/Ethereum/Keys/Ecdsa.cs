using NBitcoin.Secp256k1;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>Signer recovery and verification on NBitcoin.Secp256k1, the path Nethereum takes with <c>EthECKey.SignRecoverable</c>.</summary>
public static class Ecdsa
{
    /// <summary>The address whose key made <paramref name="signature"/> over the 32-byte <paramref name="hash"/>.</summary>
    public static Address RecoverAddress(ReadOnlySpan<byte> hash, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (hash.Length != 32)
        {
            throw new ArgumentException($"Expected a 32-byte digest, got {hash.Length} bytes.", nameof(hash));
        }
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(Compact(signature), signature.YParity, out var sig)
            || !ECPubKey.TryRecover(Context.Instance, sig, hash, out var publicKey))
        {
            throw new SignatureException("The signature does not recover a public key.");
        }
        return Address.FromPublicKey(publicKey.ToBytes(false));
    }

    /// <summary>True when <paramref name="signature"/> (low s) over <paramref name="hash"/> was made by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> hash, Signature signature, byte[] publicKey) =>
        ECPubKey.TryCreate(publicKey, Context.Instance, out _, out var key)
        && SecpECDSASignature.TryCreateFromCompact(Compact(signature), out var sig)
        && key.SigVerify(sig, hash);

    private static byte[] Compact(Signature s) => [.. Signature.ToBytes32(s.R), .. Signature.ToBytes32(s.S)];
}

/// <summary>A signature that cannot be recovered or is malformed.</summary>
public sealed class SignatureException : Exception
{
    public SignatureException(string message)
        : base(message)
    {
    }

    public SignatureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SignatureException()
    {
    }
}
