using System.Security.Cryptography;
using System.Text;
using Nethereum.Signer;
using Nethereum.Util;
using NutPortal.Core.Ethereum;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// The identity chain's signatures. secp256k1 ("Ethereum-modified ECDSA"): a 65-byte recoverable signature (r‖s‖v)
/// over the EIP-191 personal message (what personal_sign and wallets produce), checked by recovering the signer
/// (Nethereum). P-256: a 64-byte r‖s signature over SHA-256 of the message (.NET's ECDsa on nistP256).
/// </summary>
public static class IdentitySignatures
{
    /// <summary>The message a challenge asks to sign: every binding named, one per line.</summary>
    public static string Message(IdentityChallenge c) => string.Join('\n',
        "NutPortal identity challenge",
        $"purpose: {Purpose(c.Purpose)}",
        $"identity chain: {c.IdentityChainId}",
        $"identity: {c.IdentityId ?? "-"}",
        $"network: {c.NetworkId ?? "-"}",
        $"transaction: {c.TransactionHash ?? "-"}",
        $"nonce: {c.Nonce}");

    public static string Purpose(ChallengePurpose purpose) => purpose switch
    {
        ChallengePurpose.Registration => "registration",
        ChallengePurpose.SignIn => "sign-in",
        _ => "transaction",
    };

    /// <summary>Checks a public key for the curve; returns its bytes or why it is not one.</summary>
    public static (byte[]? Key, string? Problem) ReadPublicKey(string curve, string? hex)
    {
        if (!Hex.TryDecode(hex, out var key))
        {
            return (null, "The public key is 0x-prefixed hex.");
        }
        if (curve == IdentityCurves.P256)
        {
            if (key.Length != 65 || key[0] != 4)
            {
                return (null, $"A P-256 public key is 65 bytes, uncompressed (0x04‖X‖Y); got {key.Length} bytes.");
            }
            try
            {
                using var ecdsa = P256(key);
                return (key, null);
            }
            catch (CryptographicException)
            {
                return (null, "The key is not a point on P-256.");
            }
        }
        if (!(key.Length == 65 && key[0] == 4) && !(key.Length == 33 && key[0] is 2 or 3))
        {
            return (null, $"A secp256k1 public key is 33 bytes (compressed) or 65 bytes (uncompressed, 0x04‖X‖Y); got {key.Length} bytes.");
        }
        try
        {
            _ = new EthECKey(key, false).GetPublicAddress();
            return (key, null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return (null, "The key is not a point on secp256k1.");
        }
    }

    /// <summary>Whether <paramref name="signatureHex"/> is the key's signature of the message; else why not.</summary>
    public static string? Verify(string curve, byte[] publicKey, string message, string? signatureHex)
    {
        if (!Hex.TryDecode(signatureHex, out var signature))
        {
            return "The signature is 0x-prefixed hex.";
        }
        var bytes = Encoding.UTF8.GetBytes(message);
        if (curve == IdentityCurves.P256)
        {
            if (signature.Length != 64)
            {
                return $"The identity signs with ECDSA on P-256: a 64-byte r‖s signature over SHA-256 of the message; this one is {signature.Length} bytes.";
            }
            using var ecdsa = P256(publicKey);
            return ecdsa.VerifyData(bytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? null : "The signature does not verify against the identity's P-256 key for this challenge's message.";
        }
        if (signature.Length != 65)
        {
            return $"The identity signs with secp256k1: a 65-byte recoverable signature (r‖s‖v) over the EIP-191 personal message; this one is {signature.Length} bytes.";
        }
        string recovered;
        try
        {
            recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, Hex.Encode(signature));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return "The signature recovers no secp256k1 key.";
        }
        var expected = new EthECKey(publicKey, false).GetPublicAddress();
        return string.Equals(recovered, expected, StringComparison.OrdinalIgnoreCase)
            ? null : "The signature was not made by the identity's secp256k1 key over this challenge's message.";
    }

    /// <summary>The identity's id in the registry: keccak256 of the chain id and the public key.</summary>
    public static string IdentityId(string chainId, byte[] publicKey) =>
        Hex.Encode(Sha3Keccack.Current.CalculateHash([.. Encoding.UTF8.GetBytes(chainId), .. publicKey]));

    /// <summary>The profile's prefix and the last 20 bytes of the key's keccak256.</summary>
    public static string Address(string prefix, byte[] publicKey) =>
        prefix + Hex.Encode(Sha3Keccack.Current.CalculateHash(publicKey).AsSpan(12), prefix: false);

    private static ECDsa P256(byte[] key) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = key[1..33], Y = key[33..65] },
    });
}
