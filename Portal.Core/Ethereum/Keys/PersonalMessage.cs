using System.Globalization;
using System.Text;
using NutPortal.Core.Ethereum.Hashing;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>EIP-191 version 0x45 ("personal_sign") message hashing and signer recovery.</summary>
public static class PersonalMessage
{
    /// <summary>keccak256("\x19Ethereum Signed Message:\n" + byte length + message).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var prefix = Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n" + message.Length.ToString(CultureInfo.InvariantCulture));
        return Keccak256.Hash([.. prefix, .. message]);
    }

    public static byte[] Hash(string message) => Hash(Encoding.UTF8.GetBytes(message));

    /// <summary>Address that signed <paramref name="message"/> with personal_sign.</summary>
    public static Address RecoverAddress(ReadOnlySpan<byte> message, Signature signature) =>
        Ecdsa.RecoverAddress(Hash(message), signature);

    public static Address RecoverAddress(string message, Signature signature) =>
        RecoverAddress(Encoding.UTF8.GetBytes(message), signature);
}
