using System.Text;
using Nethereum.Signer;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>EIP-191 version 0x45 ("personal_sign") hashing (Nethereum's EthereumMessageSigner) and signer recovery.</summary>
public static class PersonalMessage
{
    public static byte[] Hash(ReadOnlySpan<byte> message) => new EthereumMessageSigner().HashPrefixedMessage(message.ToArray());

    public static byte[] Hash(string message) => Hash(Encoding.UTF8.GetBytes(message));

    public static Address RecoverAddress(ReadOnlySpan<byte> message, Signature signature) => Ecdsa.RecoverAddress(Hash(message), signature);

    public static Address RecoverAddress(string message, Signature signature) => RecoverAddress(Encoding.UTF8.GetBytes(message), signature);
}
