using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;

namespace NutPortal.Core.Identity;

/// <summary>
/// First start: creates the four roles and, when no user exists yet, the first admin. A generated password is
/// written once to the console (never to the log). A configured bootstrap API token is registered for the admin.
/// </summary>
internal sealed class IdentityBootstrapper(
    UserManager<PortalUser> users,
    UserAdministration administration,
    RoleManager<IdentityRole> roles,
    ApiTokenService tokens,
    IOptions<PortalOptions> options,
    ILogger<IdentityBootstrapper> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var bootstrap = options.Value.Bootstrap;
        var admin = await users.FindByEmailAsync(bootstrap.AdminEmail);
        if (admin is null && !users.Users.Any())
        {
            admin = await CreateAdminAsync(bootstrap);
        }

        if (!string.IsNullOrEmpty(bootstrap.ApiToken) && admin is not null)
        {
            await tokens.RegisterAsync(admin.Id, "bootstrap", bootstrap.ApiToken, ct);
        }
    }

    private async Task<PortalUser> CreateAdminAsync(BootstrapOptions bootstrap)
    {
        var generated = string.IsNullOrEmpty(bootstrap.AdminPassword);
        var password = generated ? GeneratePassword() : bootstrap.AdminPassword!;
        var admin = new PortalUser
        {
            UserName = bootstrap.AdminEmail,
            Email = bootstrap.AdminEmail,
            EmailConfirmed = true,
            DisplayName = "Administrator",
        };
        Check(await users.CreateAsync(admin, password), "create the first admin (check Portal:Bootstrap:AdminPassword)");
        Check(await users.AddToRolesAsync(admin, Roles.All), "give the first admin its roles");
        await administration.SyncDefaultOrganizationAsync(admin.Id, [Roles.Admin], joinIfAbsent: true);
        logger.LogInformation("Created the first admin {Email}", bootstrap.AdminEmail);
        if (generated)
        {
            Console.WriteLine($"""

                ==== NutPortal first start ====
                Admin account: {bootstrap.AdminEmail}
                Password:      {password}
                This password is shown once. Sign in and change it, or set Portal:Bootstrap:AdminPassword.
                ===============================

                """);
        }
        return admin;
    }

    private static string GeneratePassword()
    {
        // Meets Identity's default rules: upper, lower, digit and a symbol.
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        return $"Np{random}7!";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
