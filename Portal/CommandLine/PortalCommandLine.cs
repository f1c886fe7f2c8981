using System.CommandLine;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.CommandLine;

/// <summary>
/// `Portal` serves the web (the default, or `serve`); `Portal bench &lt;suite&gt;` runs a benchmark suite and
/// prints one figure per line as `name value unit`; `Portal protect-keys` encrypts the key ring under the configured protection. Unknown options are passed on to ASP.NET Core
/// (e.g. `--urls`), so the usual hosting switches keep working.
/// </summary>
public static class PortalCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NutPortal: self-hosted Blockchain-as-a-Service portal") { TreatUnmatchedTokensAsErrors = false };
        root.SetAction((_, ct) => ServeAsync(args, ct));

        var serve = new Command("serve", "Serve the portal (default)") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((_, ct) => ServeAsync(args.Skip(1).ToArray(), ct));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TrainScannerModelCommand.Create());
        root.Subcommands.Add(ProtectKeysCommand.Create(args));

        // Exceptions must reach the caller: the test host stops the entry point by throwing.
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        return await root.Parse(args).InvokeAsync(config);
    }

    private static async Task<int> ServeAsync(string[] args, CancellationToken ct)
    {
        var app = PortalWebApplication.Build(args);
        await app.RunAsync(ct);
        return 0;
    }
}
