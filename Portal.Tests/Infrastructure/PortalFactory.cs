using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// The portal with a throw-away data directory (SQLite) or a throw-away PostgreSQL database, a known admin
/// password and bootstrap token. <see cref="ConfigureServices"/> swaps services where a test needs to.
/// Call <see cref="UseRealServer"/> before first use for a real Kestrel port (browser and socket tests).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@nutportal.local";
    public const string AdminPassword = "Test-admin-password-1";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private bool _realServer;

    private static int _portRanges = Random.Shared.Next(0, 400);
    private bool _ownsData;

    public PortalFactory()
        : this(TestDatabase.Sqlite())
    {
    }

    protected PortalFactory(TestDatabase database, string? dataDirectory = null, string? bootstrapToken = null)
    {
        _ownsData = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("nutportal-test-").FullName;
        BootstrapToken = bootstrapToken ?? "np_test_" + Guid.NewGuid().ToString("N");
        Database = database;
        _settings["Portal:DataDirectory"] = DataDirectory;
        _settings["Portal:Bootstrap:AdminPassword"] = AdminPassword;
        _settings["Portal:Bootstrap:ApiToken"] = BootstrapToken;
        // Each test portal gets its own port range, so portals running side by side never race for a node port.
        var portBase = 20000 + (Interlocked.Increment(ref _portRanges) % 400 * 100);
        _settings["Portal:Networks:PortRangeStart"] = portBase.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Portal:Networks:PortRangeEnd"] = (portBase + 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in Database.Settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>A portal on the given throw-away database (persistence tests run on each provider).</summary>
    public static PortalFactory On(TestDatabase database) => new(database);

    /// <summary>A second portal process on the same data (a restart); disposing it keeps the data for its owner.</summary>
    public static PortalFactory RestartOf(PortalFactory previous)
    {
        // The restarted portal takes over the data: it removes it when disposed, the previous one no longer does.
        previous._ownsData = false;
        return new PortalFactory(previous.Database, previous.DataDirectory, previous.BootstrapToken) { _ownsData = true };
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public string BootstrapToken { get; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The real server's base address, once <see cref="UseRealServer"/> was called and the server started.</summary>
    public Uri ServerAddress => new(ClientOptions.BaseAddress.ToString());

    public PortalFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public PortalFactory UseRealServer()
    {
        _realServer = true;
        UseKestrel(0);
        return this;
    }

    /// <summary>An HTTP client authenticated with the bootstrap Admin token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        return client;
    }

    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (ConfigureServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
        if (_realServer)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }

    // The host's own stop can fail (a hosted service past the shutdown timeout): the nodes and the data folder
    // go all the same, or later tests run beside leftover nodes.
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            RemoveData();
            GC.SuppressFinalize(this);
        }
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (disposing)
            {
                RemoveData();
            }
        }
    }

    private void RemoveData()
    {
        if (!_ownsData)
        {
            return;
        }
        _ownsData = false;
        // Nodes deliberately outlive the portal (it re-adopts them); a finished test must not leave any behind.
        LeftoverProcesses.KillUnder(DataDirectory);
        SqliteConnection.ClearAllPools();
        Database.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file in the folder must not fail the test run.
        }
    }
}
