using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Web.CommandLine;
using NutPortal.Web.Hosting;

namespace NutPortal.Tests.KeyRing;

/// <summary>
/// The data-protection key ring (the keys behind node, oracle and wallet secrets) is encrypted at rest under a master
/// key or a certificate; Production refuses to start without one; turning protection on later and rotating re-encrypt
/// the keys already written, and secrets protected before stay readable.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private static readonly XNamespace Ns = "http://schemas.asp.net/2015/03/dataProtection";
    private readonly string _data = Directory.CreateTempSubdirectory("nutportal-keyring-").FullName;
    private readonly string _k1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _k2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Production_refuses_to_start_with_the_key_ring_in_clear_or_a_bad_key_and_says_which_setting()
    {
        var unprotected = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("--environment=Production"));
        Assert.Contains("Portal:DataProtection:MasterKey", unprotected.Message, StringComparison.Ordinal);
        var shortKey = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={Convert.ToBase64String(new byte[16])}"));
        Assert.Contains("is 16 bytes; it must be 32", shortKey.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync("--environment=Production", $"--Portal:DataProtection:CertificatePath={Path.Combine(_data, "nope.pfx")}"));
        Assert.Contains("CertificatePath: no file at", missing.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data, "keys")) && Directory.GetFiles(Path.Combine(_data, "keys")).Length > 0, "nothing was written");
    }

    [Fact]
    public async Task Under_a_master_key_no_key_is_stored_in_clear_and_secrets_survive_a_restart_but_not_a_wrong_key()
    {
        string token;
        await using (var app = await StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={_k1}"))
        {
            token = Protector(app).Protect("node key");
        }
        AssertAllEncrypted("NutPortal.Core.KeyRing.MasterKeyXmlDecryptor");

        await using (var app = await StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={_k1}"))
        {
            Assert.Equal("node key", Protector(app).Unprotect(token));
        }
        await using (var app = await StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={_k2}"))
        {
            var refused = Assert.ThrowsAny<CryptographicException>(() => Protector(app).Unprotect(token));
            Assert.Contains("not configured", Messages(refused), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Protection_turned_on_later_and_a_rotation_reencrypt_the_keys_already_written()
    {
        string token;
        await using (var app = await StartAsync("--environment=Development"))
        {
            token = Protector(app).Protect("oracle key");
        }
        Assert.Contains(Keys(), k => k.Descendants().Any(e => (bool?)e.Attribute(Ns + "requiresEncryption") == true));

        Assert.Equal(0, await PortalCommandLine.RunAsync(["protect-keys", $"--Portal:DataDirectory={_data}", $"--Portal:DataProtection:MasterKey={_k1}"]));
        AssertAllEncrypted("NutPortal.Core.KeyRing.MasterKeyXmlDecryptor");
        await using (var app = await StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={_k1}"))
        {
            Assert.Equal("oracle key", Protector(app).Unprotect(token));
        }

        // Rotate: the new key protects, the old one only reads; after protect-keys the old one can go.
        Assert.Equal(0, await PortalCommandLine.RunAsync(["protect-keys", $"--Portal:DataDirectory={_data}",
            $"--Portal:DataProtection:MasterKey={_k2}", $"--Portal:DataProtection:PreviousMasterKeys:0={_k1}"]));
        await using (var app = await StartAsync("--environment=Production", $"--Portal:DataProtection:MasterKey={_k2}"))
        {
            Assert.Equal("oracle key", Protector(app).Unprotect(token));
        }
    }

    [Fact]
    public async Task Under_a_certificate_keys_are_encrypted_to_it_and_read_back_after_a_restart()
    {
        var pfx = Path.Combine(_data, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=NutPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-pass"));
        }
        string[] settings = ["--environment=Production", $"--Portal:DataProtection:CertificatePath={pfx}", "--Portal:DataProtection:CertificatePassword=pfx-pass"];
        string token;
        await using (var app = await StartAsync(settings))
        {
            token = Protector(app).Protect("wallet key");
        }
        AssertAllEncrypted("Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlDecryptor");
        await using (var app = await StartAsync(settings))
        {
            Assert.Equal("wallet key", Protector(app).Unprotect(token));
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private async Task<WebApplication> StartAsync(params string[] settings)
    {
        var app = PortalWebApplication.Build(
        [
            "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={_data}", "--Portal:Workers:Enabled=false",
            "--Portal:Bootstrap:AdminPassword=Keyring-pass-01", "--Logging:LogLevel:Default=Warning", .. settings,
        ]);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static IDataProtector Protector(WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NutPortal.Tests.KeyRing");

    private List<XElement> Keys() => [.. Directory.GetFiles(Path.Combine(_data, "keys"), "key-*.xml").Select(f => XElement.Load(f))];

    /// <summary>Every key's secret is an encryptedSecret of the expected decryptor, and none is in clear.</summary>
    private void AssertAllEncrypted(string decryptor)
    {
        var keys = Keys();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key.Descendants(), e => (bool?)e.Attribute(Ns + "requiresEncryption") == true);
            var secret = Assert.Single(key.Descendants(Ns + "encryptedSecret"));
            Assert.StartsWith(decryptor + ",", (string?)secret.Attribute("decryptorType"), StringComparison.Ordinal);
        }
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " / " + Messages(e.InnerException);
}
