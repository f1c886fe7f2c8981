using System.Security.Cryptography;
using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace NutPortal.Tests.IdentityChain;

/// <summary>A user's identity key on either curve: its public key as the registry takes it, and signatures of challenge messages.</summary>
internal abstract class IdentityKey : IDisposable
{
    public abstract string Curve { get; }

    public abstract string PublicKey { get; }

    public abstract string Sign(string message);

    public virtual void Dispose()
    {
    }

    public static IdentityKey For(string curve) => curve == "p256" ? new P256Key() : new Secp256k1Key();
}

/// <summary>secp256k1: the EIP-191 personal message signed recoverably (what a wallet's personal_sign gives).</summary>
internal sealed class Secp256k1Key(EthECKey key) : IdentityKey
{
    private readonly EthECKey _key = key;

    public Secp256k1Key()
        : this(EthECKey.GenerateKey())
    {
    }

    public override string Curve => "secp256k1";

    public override string PublicKey => _key.GetPubKey().ToHex(true);

    public override string Sign(string message) => new EthereumMessageSigner().EncodeUTF8AndSign(message, _key);
}

/// <summary>ECDSA on P-256 over SHA-256, r‖s.</summary>
internal sealed class P256Key : IdentityKey
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public override string Curve => "p256";

    public override string PublicKey
    {
        get
        {
            var q = _key.ExportParameters(false).Q;
            return "0x04" + Convert.ToHexStringLower(q.X!) + Convert.ToHexStringLower(q.Y!);
        }
    }

    public override string Sign(string message) =>
        "0x" + Convert.ToHexStringLower(_key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public override void Dispose()
    {
        _key.Dispose();
        base.Dispose();
    }
}
