using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;

namespace NutPortal.Core.KeyRing;

internal static class KeyRingServiceCollectionExtensions
{
    /// <summary>Data-protection keys live with the portal's data (<c>keys/</c>), encrypted at rest under the configured
    /// certificate or master key; in Production the portal refuses to start with neither.</summary>
    public static IServiceCollection AddProtectedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        services.AddSingleton(sp => new MasterKeys(sp.GetRequiredService<IOptions<KeyRingOptions>>().Value));

        var builder = services.AddDataProtection().SetApplicationName("NutPortal");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<PortalOptions>, ILoggerFactory>((o, portal, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(portal.Value.ResolvedDataDirectory, "keys")), logs));

        var previous = options.PreviousCertificatePaths.Where(File.Exists).Select(p => TryLoad(p, options.CertificatePassword)).OfType<X509Certificate2>().ToList();
        if (options.UsesCertificate && !options.UsesMasterKey && TryLoad(options.CertificatePath!, options.CertificatePassword) is { HasPrivateKey: true } current)
        {
            builder.ProtectKeysWithCertificate(current);
            previous.Insert(0, current);
        }
        else if (options.UsesMasterKey)
        {
            services.AddOptions<KeyManagementOptions>().Configure<MasterKeys>((o, keys) => o.XmlEncryptor = new MasterKeyXmlEncryptor(keys));
        }
        if (previous.Count > 0)
        {
            builder.UnprotectKeysWithAnyCertificate([.. previous]);
        }
        return services;
    }

    /// <summary>The certificate in a PFX file, or null when it cannot be read (the options validator says why at start).</summary>
    internal static X509Certificate2? TryLoad(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Checked at start: each setting is usable, and Production does not run with its key ring in clear.</summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        var errors = new List<string>();
        const string s = KeyRingOptions.Section;
        if (options.UsesCertificate && options.UsesMasterKey)
        {
            errors.Add($"{s}: set CertificatePath or MasterKey, not both.");
        }
        if (options.UsesMasterKey)
        {
            Check(errors, () => MasterKeys.Decode(options.MasterKey!, $"{s}:MasterKey"));
        }
        for (var i = 0; i < options.PreviousMasterKeys.Count; i++)
        {
            var index = i;
            Check(errors, () => MasterKeys.Decode(options.PreviousMasterKeys[index], $"{s}:PreviousMasterKeys:{index}"));
        }
        var paths = new[] { (Setting: "CertificatePath", Path: options.CertificatePath) }
            .Concat(options.PreviousCertificatePaths.Select((p, i) => (Setting: $"PreviousCertificatePaths:{i}", Path: (string?)p)));
        foreach (var (setting, path) in paths.Where(p => !string.IsNullOrWhiteSpace(p.Path)))
        {
            if (!File.Exists(path))
            {
                errors.Add($"{s}:{setting}: no file at {path}.");
            }
            else if (KeyRingServiceCollectionExtensions.TryLoad(path!, options.CertificatePassword) is not { } certificate)
            {
                errors.Add($"{s}:{setting}: {path} is not a PFX file this password opens.");
            }
            else if (!certificate.HasPrivateKey)
            {
                errors.Add($"{s}:{setting}: {path} holds no private key, so the keys it protects could not be read back.");
            }
        }
        if (environment.IsProduction() && !options.UsesCertificate && !options.UsesMasterKey && !options.AllowUnprotected)
        {
            errors.Add($"{s}: in Production the data-protection key ring must be encrypted at rest; set {s}:MasterKey " +
                $"(base64 of 32 bytes: `openssl rand -base64 32`) or {s}:CertificatePath (a PFX file), or, knowingly, {s}:AllowUnprotected=true.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, Action check)
    {
        try
        {
            check();
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.Message);
        }
    }
}
