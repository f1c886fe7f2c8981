using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;

namespace NutPortal.Core.KeyRing;

/// <summary>What <see cref="KeyRingReprotector"/> did: keys read, and how many were in clear before.</summary>
public sealed record ReprotectResult(int Keys, int WereInClear);

/// <summary>
/// Encrypts every key of the ring under the protection configured now: keys written before protection was configured
/// (in clear), and keys under a previous certificate or master key, which the data-protection system decrypts with the
/// previous ones. Each file is replaced whole (written beside it, then moved), so a crash leaves old or new, never half.
/// </summary>
public sealed class KeyRingReprotector(IServiceProvider services, IOptions<KeyManagementOptions> keyManagement, IOptions<PortalOptions> portal)
{
    private static readonly XNamespace DataProtectionNs = "http://schemas.asp.net/2015/03/dataProtection";

    public ReprotectResult Run()
    {
        var encryptor = keyManagement.Value.XmlEncryptor
            ?? throw new InvalidOperationException($"No protection is configured: set {KeyRingOptions.Section}:MasterKey or {KeyRingOptions.Section}:CertificatePath first.");
        var folder = new DirectoryInfo(Path.Combine(portal.Value.ResolvedDataDirectory, "keys"));
        int keys = 0, inClear = 0;
        foreach (var file in folder.Exists ? folder.GetFiles("key-*.xml") : [])
        {
            var document = XDocument.Load(file.FullName);
            // The parts the data-protection system marks secret: in clear (requiresEncryption="true") or encrypted.
            var secrets = document.Root?.Descendants().Where(e => e.Name == DataProtectionNs + "encryptedSecret"
                || (bool?)e.Attribute(DataProtectionNs + "requiresEncryption") == true).ToList() ?? [];
            if (secrets.Count == 0)
            {
                continue; // a revocation, or nothing secret in it
            }
            keys++;
            var wasInClear = false;
            foreach (var secret in secrets)
            {
                XElement plaintext;
                if (secret.Name == DataProtectionNs + "encryptedSecret")
                {
                    var decryptorType = Type.GetType((string?)secret.Attribute("decryptorType") ?? "", throwOnError: true)!;
                    var decryptor = (IXmlDecryptor)ActivatorUtilities.CreateInstance(services, decryptorType);
                    plaintext = decryptor.Decrypt(secret.Elements().Single());
                }
                else
                {
                    wasInClear = true;
                    plaintext = new XElement(secret);
                    plaintext.DescendantNodes().OfType<XComment>().ToList().ForEach(c => c.Remove());
                }
                var encrypted = encryptor.Encrypt(plaintext);
                secret.ReplaceWith(new XElement(DataProtectionNs + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }
            document.DescendantNodes().OfType<XComment>().Where(c => c.Value.Contains("unencrypted", StringComparison.Ordinal)).ToList().ForEach(c => c.Remove());
            inClear += wasInClear ? 1 : 0;
            var temporary = file.FullName + ".tmp";
            document.Save(temporary);
            File.Move(temporary, file.FullName, overwrite: true);
        }
        return new ReprotectResult(keys, inClear);
    }
}
