using System.Net.Http.Headers;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// A throwaway portal for a bench suite: Production settings with the process's master key, a data folder of its
/// own (deleted afterwards), a free port, an API token, an admin password, warnings-only logs, and the suite's own
/// settings on top (later settings win).
/// </summary>
internal sealed class BenchPortal : IAsyncDisposable
{
    public const string AdminPassword = "Bench-password-1";

    private BenchPortal(WebApplication app, DirectoryInfo dataDirectory, string token)
    {
        App = app;
        DataDirectory = dataDirectory;
        Token = token;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public DirectoryInfo DataDirectory { get; }

    /// <summary>A bootstrap API token of the portal's admin.</summary>
    public string Token { get; }

    public Uri Address => new(App.Urls.First());

    public static async Task<BenchPortal> StartAsync(CancellationToken ct, params string[] settings)
    {
        var dataDir = Directory.CreateTempSubdirectory("nutportal-bench-");
        var token = "np_bench_" + Guid.NewGuid().ToString("N");
        WebApplication? app = null;
        try
        {
            app = PortalWebApplication.Build(
            [
                BenchKeys.MasterKeySetting, "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={dataDir.FullName}",
                $"--Portal:Bootstrap:ApiToken={token}", $"--Portal:Bootstrap:AdminPassword={AdminPassword}", "--Logging:LogLevel:Default=Warning",
                .. settings,
            ]);
            await app.StartAsync(ct);
            return new BenchPortal(app, dataDir, token);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDir.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>A client of the portal's API, signed in with <see cref="Token"/>.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DataDirectory.Delete(recursive: true);
        }
    }
}
