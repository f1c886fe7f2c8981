using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.KeyRing;

/// <summary>Encrypts a key's secret element under the current master key with AES-256-GCM; the master key's id is the
/// associated data, so a ciphertext moved under another id does not decrypt.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKeys keys) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "urn:nutportal:data-protection:master-key:v1";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = keys.Current ?? throw new InvalidOperationException("No master key is configured.");
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(keys.CurrentId!));
        }
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Ns + "encrypted", new XAttribute("masterKeyId", keys.CurrentId!),
            new XElement(Ns + "nonce", Convert.ToBase64String(nonce)),
            new XElement(Ns + "tag", Convert.ToBase64String(tag)),
            new XElement(Ns + "value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Reverses <see cref="MasterKeyXmlEncryptor"/> with whichever configured master key the element names; made
/// by the data-protection system from the type name stored with the key.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var ns = MasterKeyXmlEncryptor.Ns;
        var id = (string?)encryptedElement.Attribute("masterKeyId") ?? throw new CryptographicException("The encrypted key names no master key.");
        var key = services.GetRequiredService<MasterKeys>().ById(id);
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element(ns + "nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element(ns + "tag") ?? "");
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element(ns + "value") ?? "");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.ASCII.GetBytes(id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
