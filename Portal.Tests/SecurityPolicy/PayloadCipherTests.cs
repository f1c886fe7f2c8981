using System.Security.Cryptography;
using System.Text;
using Nethereum.Signer;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.SecurityPolicy;

namespace NutPortal.Tests.SecurityPolicy;

/// <summary>Multi-level encryption: confidential payloads open with the network's key only; secret ones also with each
/// named recipient's own private key (ECIES), and with no other key; a marker cannot be altered or relabelled.</summary>
public sealed class PayloadCipherTests
{
    private static readonly byte[] NetworkKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_confidential_payload_round_trips_under_the_network_key_and_not_under_another()
    {
        var marker = PayloadCipher.Encrypt(SecurityLevel.Confidential, "ab12cd34", NetworkKey, Encoding.UTF8.GetBytes("alice@example.com"), []);
        var text = marker.ToString();

        Assert.StartsWith("npenc1:confidential:ab12cd34:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", text, StringComparison.Ordinal);
        Assert.True(EncryptedMarker.TryParse(text, out var parsed));
        Assert.Equal("alice@example.com", Encoding.UTF8.GetString(PayloadCipher.Decrypt(parsed, NetworkKey)));
        Assert.ThrowsAny<CryptographicException>(() => PayloadCipher.Decrypt(parsed, RandomNumberGenerator.GetBytes(32)));
        // Relabelled as another key id: the header is authenticated.
        Assert.True(EncryptedMarker.TryParse(text.Replace("ab12cd34", "ffffffff", StringComparison.Ordinal), out var relabelled));
        Assert.ThrowsAny<CryptographicException>(() => PayloadCipher.Decrypt(relabelled, NetworkKey));
    }

    [Fact]
    public void A_secret_payload_opens_for_its_recipient_with_their_own_key_and_for_the_portal_with_the_network_key()
    {
        // The recipient's key pair is made by Nethereum, an implementation independent of the one that seals.
        var recipient = EthECKey.GenerateKey();
        var outsider = EthECKey.GenerateKey();
        var marker = PayloadCipher.Encrypt(SecurityLevel.Secret, "k", NetworkKey, Encoding.UTF8.GetBytes("IBAN GB82WEST12345698765432"),
            [recipient.GetPubKey(), outsider.GetPubKey(compresseed: true)]).ToString();

        Assert.True(EncryptedMarker.TryParse(marker, out var parsed));
        Assert.Equal(SecurityLevel.Secret, parsed.Level);
        Assert.Equal(recipient.GetPublicAddress().ToLowerInvariant(), parsed.Recipients[0].Address);
        using var recipientKey = PrivateKey.FromBytes(recipient.GetPrivateKeyAsBytes());
        Assert.Equal("IBAN GB82WEST12345698765432", Encoding.UTF8.GetString(PayloadCipher.DecryptAsRecipient(parsed, recipientKey)));
        Assert.Equal("IBAN GB82WEST12345698765432", Encoding.UTF8.GetString(PayloadCipher.Decrypt(parsed, NetworkKey)));

        using var stranger = PrivateKey.Generate();
        Assert.Throws<CryptographicException>(() => PayloadCipher.DecryptAsRecipient(parsed, stranger));
        // The outsider's sealed copy opened with the recipient's key fails its MAC.
        var swapped = parsed with { Recipients = [parsed.Recipients[0] with { Sealed = parsed.Recipients[1].Sealed }] };
        Assert.Throws<CryptographicException>(() => PayloadCipher.DecryptAsRecipient(swapped, recipientKey));
    }

    [Fact]
    public void Markers_are_found_in_calldata_and_broken_ones_are_ignored()
    {
        var marker = PayloadCipher.Encrypt(SecurityLevel.Confidential, "k", NetworkKey, [1, 2, 3], []).ToString();
        var calldata = Encoding.ASCII.GetBytes("\0\0\0\u0020" + marker + "\0\0npenc1:confidential:k:!!\0npenc1:public:k:AAAA");

        var found = Assert.Single(EncryptedMarker.FindIn(calldata));
        Assert.Equal(marker, found.ToString());
    }
}
