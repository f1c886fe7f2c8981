using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NutPortal.Core;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Components;

/// <summary>
/// A bUnit context set up like the portal's circuit: MudBlazor services (JS interop loose, as MudBlazor calls
/// it freely), a signed-in user with roles, and, when asked, the portal's real services on a fresh database.
/// </summary>
internal sealed class PortalComponentContext : BunitContext
{
    private readonly string[] _roles;

    public PortalComponentContext(string? user = "user@example.test", params string[] roles)
    {
        _roles = user is null ? [] : roles;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var authorization = AddAuthorization();
        if (user is not null)
        {
            authorization.SetAuthorized(user);
            authorization.SetRoles(roles);
            // As the portal's policy grants it: Admins, and Operators (whom an Admin puts in the Default organization).
            if (roles.Contains("Admin") || roles.Contains("Operator"))
            {
                authorization.SetPolicies(NutPortal.Web.Account.Policies.JobDashboard);
            }
            authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, UserId));
        }
    }

    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Registers the portal's core services (and <paramref name="services"/>) on a migrated SQLite database; returns its context factory.</summary>
    public Task<IDbContextFactory<PortalDbContext>> UseDatabaseAsync(Action<IServiceCollection>? services = null) =>
        UseDatabaseAsync((s, _) => services?.Invoke(s));

    /// <summary>As above, for registrations that read the test's configuration (e.g. the workers' Hangfire storage).</summary>
    public async Task<IDbContextFactory<PortalDbContext>> UseDatabaseAsync(Action<IServiceCollection, IConfiguration> services)
    {
        // SQLite in a temporary data folder (nothing to drop afterwards).
        var dir = Directory.CreateTempSubdirectory("nutportal-bunit-").FullName;
        var settings = new Dictionary<string, string?>(TestDatabase.Sqlite().Settings) { ["Portal:DataDirectory"] = dir };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddPortalCore(configuration);
        Services.AddHttpContextAccessor();
        Services.AddScoped<NutPortal.Web.Organizations.CallerAccessor>();
        services(Services, configuration);  // before the provider is first used
        var contexts = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        // The signed-in user is a member of the Default organization with the roles an Admin would have given them.
        foreach (var role in _roles.Select(NutPortal.Core.Organizations.OrgRoles.FromPortalRole).DefaultIfEmpty(NutPortal.Core.Organizations.OrgRoles.Member).Distinct())
        {
            db.OrganizationMembers.Add(new NutPortal.Core.Organizations.OrganizationMember { OrganizationId = NutPortal.Core.Organizations.Organization.DefaultId, UserId = UserId, Role = role });
        }
        await db.SaveChangesAsync();
        return contexts;
    }

    /// <summary>MudBlazor's popovers and dialogs render into their providers, which must exist first.</summary>
    public IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    /// <summary>The dialog provider a page's dialogs render into (popovers first, as in MainLayout).</summary>
    public IRenderedComponent<MudDialogProvider> RenderDialogProvider()
    {
        RenderPopoverProvider();
        return Render<MudDialogProvider>();
    }
}
