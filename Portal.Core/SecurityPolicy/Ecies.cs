using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// ECIES on secp256k1 with BouncyCastle's <see cref="IesEngine"/>: an ephemeral key agrees a secret with the recipient's
/// public key (ECDH), KDF2-SHA256 derives an AES-256-CBC key and an HMAC-SHA256 key; the output is the ephemeral public
/// key (65 bytes, uncompressed), a 16-byte IV, then the engine's ciphertext and tag. Anyone holding the recipient's
/// private key opens it with the same construction (BouncyCastle's IES with AES-CBC, as in Java's "ECIESwithAES-CBC").
/// </summary>
public static class Ecies
{
    private static readonly X9ECParameters Curve = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly SecureRandom Random = new();

    /// <summary>Parses a secp256k1 public key (33 or 65 bytes); throws <see cref="ArgumentException"/> when it is not a point of the curve.</summary>
    public static ECPublicKeyParameters PublicKey(byte[] encoded)
    {
        try
        {
            return new ECPublicKeyParameters(Curve.Curve.DecodePoint(encoded), Domain);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException("not a secp256k1 public key (33 or 65 bytes of hex)", e);
        }
    }

    /// <summary>The uncompressed (65-byte) form of a public key.</summary>
    public static byte[] Uncompressed(byte[] encoded) => PublicKey(encoded).Q.GetEncoded(false);

    public static byte[] Encrypt(byte[] recipientPublicKey, byte[] plaintext)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, Random));
        var ephemeral = generator.GenerateKeyPair();
        var iv = new byte[16];
        Random.NextBytes(iv);
        var engine = Engine();
        engine.Init(true, ephemeral.Private, PublicKey(recipientPublicKey), new ParametersWithIV(Parameters(), iv));
        return [.. ((ECPublicKeyParameters)ephemeral.Public).Q.GetEncoded(false), .. iv, .. engine.ProcessBlock(plaintext, 0, plaintext.Length)];
    }

    /// <summary>Opens <see cref="Encrypt"/>'s output with the recipient's 32-byte private key; throws <see cref="InvalidCipherTextException"/> when it was not made for that key or was altered.</summary>
    public static byte[] Decrypt(byte[] recipientPrivateKey, byte[] sealedBytes)
    {
        if (sealedBytes.Length < 65 + 16 + 32)
        {
            throw new InvalidCipherTextException("too short to be an ECIES ciphertext");
        }
        ECPublicKeyParameters ephemeral;
        try
        {
            ephemeral = PublicKey(sealedBytes[..65]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidCipherTextException("the ephemeral key is not on the curve", e);
        }
        var engine = Engine();
        var key = new ECPrivateKeyParameters(new BigInteger(1, recipientPrivateKey), Domain);
        engine.Init(false, key, ephemeral, new ParametersWithIV(Parameters(), sealedBytes[65..81]));
        return engine.ProcessBlock(sealedBytes, 81, sealedBytes.Length - 81);
    }

    private static IesWithCipherParameters Parameters() => new(null, null, 256, 256);

    private static IesEngine Engine() => new(
        new ECDHBasicAgreement(), new Kdf2BytesGenerator(new Sha256Digest()), new HMac(new Sha256Digest()),
        new PaddedBufferedBlockCipher(new CbcBlockCipher(new AesEngine())));
}
