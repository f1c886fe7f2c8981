using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Contracts;
using NutPortal.Core.DappStore;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.Gateway;
using NutPortal.Core.Identity;
using NutPortal.Core.IdentityChain;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.KeyRing;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.SecurityPolicy;
using NutPortal.Core.Solidity;
using NutPortal.Core.Wallets;

namespace NutPortal.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Options, persistence (SQLite or PostgreSQL), identity stores, tokens and the live notifier.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Database.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Portal")),
                "ConnectionStrings:Portal is required when Portal:Database:Provider is Postgres.")
            .ValidateOnStart();

        services.AddDbContextFactory<PortalDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<PortalOptions>>().Value;
            ConfigureProvider(builder, options, configuration.GetConnectionString("Portal"));
        });

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Ethereum: solc-js worker pools and JSON-RPC clients for nodes (settings under Portal:Solidity, Portal:JsonRpc).
        services.AddSolidityToolchain();
        services.AddOptions<SolidityCompilerOptions>().BindConfiguration("Portal:Solidity").ValidateOnStart();
        services.AddJsonRpc();
        services.AddOptions<JsonRpcClientOptions>().BindConfiguration("Portal:JsonRpc").ValidateOnStart();

        // Data-protection keys (cookies, antiforgery, encrypted account keys) live with the portal's data, encrypted at rest.
        services.AddProtectedKeyRing(configuration);

        services.AddNetworks();
        services.AddContracts();
        services.AddExplorer();
        services.AddMonitoring();
        services.AddOrganizations();
        services.AddOracle();
        services.AddRpcGateway();
        services.AddIdentityChains();
        services.AddSecurityPolicies();
        services.AddWallets();
        services.AddDappStore();
        services.AddSingleton(TimeProvider.System);
        services.AddPortalLive(configuration);
        services.AddSingleton<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<UserPreferences>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    internal static void ConfigureProvider(DbContextOptionsBuilder builder, PortalOptions options, string? postgresConnection)
    {
        // Migrations are written by hand (no EF design tools here): the schema test guards model/migration drift.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(postgresConnection);
            return;
        }
        var file = Path.Combine(options.ResolvedDataDirectory, "portal.db");
        builder.UseSqlite($"Data Source={file};Foreign Keys=True;Default Timeout=30");
    }
}
