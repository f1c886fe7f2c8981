using System.CommandLine;
using NutPortal.Core.KeyRing;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.CommandLine;

/// <summary>
/// `Portal protect-keys [--Portal:DataProtection:...]`: encrypts every data-protection key under the certificate or
/// master key configured now (keys still in clear, and keys under a previous one). Run it after turning protection
/// on and after each rotation; the portal reads keys either way, so it need not be stopped.
/// </summary>
internal static class ProtectKeysCommand
{
    public static Command Create(string[] args)
    {
        var command = new Command("protect-keys", "Encrypt the data-protection key ring under the configured certificate or master key") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (_, _) =>
        {
            await using var app = PortalWebApplication.Build(args.Skip(1).ToArray());
            try
            {
                var result = ActivatorUtilities.CreateInstance<KeyRingReprotector>(app.Services).Run();
                Console.WriteLine($"{result.Keys} key(s) now encrypted under the configured protection; {result.WereInClear} of them were in clear.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
        });
        return command;
    }
}
