using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using NutPortal.Core;
using NutPortal.Core.Identity;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Persistence;

public sealed class MigrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrated_schema_matches_the_model(string provider)
    {
        using var migrated = TestDatabase.Create(provider);
        using var created = TestDatabase.Create(provider);
        var migratedDir = Directory.CreateTempSubdirectory("nutportal-mig-").FullName;
        var createdDir = Directory.CreateTempSubdirectory("nutportal-mig-").FullName;

        await using (var db = NewContext(migrated, migratedDir))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = NewContext(created, createdDir))
        {
            // EnsureCreated builds the schema straight from the model: the reference the migrations must match.
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await ReadSchemaAsync(migrated, migratedDir);
        var fromModel = await ReadSchemaAsync(created, createdDir);
        Assert.NotEmpty(fromModel);
        Assert.Equal(string.Join("\n", fromModel), string.Join("\n", fromMigrations));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_made_by_the_first_migration_upgrades_with_its_rows_intact(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var dir = Directory.CreateTempSubdirectory("nutportal-mig-").FullName;
        await using (var db = NewContext(database, dir))
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First());
            // Written as the first build wrote it: the current model has columns that schema does not.
            var created = DateTime.UtcNow;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "NormalizedEmail", "NormalizedUserName", "DisplayName", "SecurityStamp", "CreatedAt",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('user-1', 'old@example.test', 'old@example.test', 'OLD@EXAMPLE.TEST', 'OLD@EXAMPLE.TEST', 'Old', 's', {created}, {false}, {false}, {false}, {true}, {0})
                """);
            db.Roles.Add(new IdentityRole("Operator") { Id = "role-1", NormalizedName = "OPERATOR" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "user-1", RoleId = "role-1" });
            await db.SaveChangesAsync();
            Assert.Single(await db.Database.GetAppliedMigrationsAsync());
        }

        await using (var db = NewContext(database, dir))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var user = await db.Users.SingleAsync();
            Assert.Equal("old@example.test", user.Email);
            Assert.Equal("Old", user.DisplayName);
            Assert.False(user.PrefersDarkMode);
            Assert.Equal("role-1", (await db.UserRoles.SingleAsync()).RoleId);
            // The upgraded database takes rows in the tables the later migrations added.
            db.ApiTokens.Add(new ApiToken { UserId = "user-1", Name = "after-upgrade", TokenHash = new string('a', 64), Prefix = "np_x" });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.ApiTokens.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_to_organizations_puts_every_row_in_the_Default_organization_with_roles_mapped(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var dir = Directory.CreateTempSubdirectory("nutportal-mig-").FullName;
        await using (var db = NewContext(database, dir))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf("20261202002000_Organizations") - 1]);
            var at = DateTime.UtcNow;
            foreach (var (id, role) in new[] { ("u-admin", "Admin"), ("u-op", "Operator"), ("u-devop", "Developer"), ("u-plain", (string?)null) })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "NormalizedEmail", "NormalizedUserName", "SecurityStamp", "CreatedAt",
                        "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "PrefersDarkMode")
                    VALUES ({id}, {id}, {id + "@example.test"}, {id.ToUpperInvariant() + "@EXAMPLE.TEST"}, {id.ToUpperInvariant()}, 's', {at}, {true}, {false}, {false}, {true}, {0}, {false})
                    """);
            }
            db.Roles.AddRange(new IdentityRole("Admin") { Id = "r-admin", NormalizedName = "ADMIN" }, new IdentityRole("Operator") { Id = "r-op", NormalizedName = "OPERATOR" },
                new IdentityRole("Developer") { Id = "r-dev", NormalizedName = "DEVELOPER" });
            db.UserRoles.AddRange(new IdentityUserRole<string> { UserId = "u-admin", RoleId = "r-admin" }, new IdentityUserRole<string> { UserId = "u-op", RoleId = "r-op" },
                new IdentityUserRole<string> { UserId = "u-devop", RoleId = "r-dev" }, new IdentityUserRole<string> { UserId = "u-devop", RoleId = "r-op" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Networks" ("Id", "Name", "Platform", "Driver", "ProfileJson", "Status", "CreatedBy", "CreatedAt", "UpdatedAt")
                VALUES ('net-1', 'old-chain', 'ethereum-anvil', 'local', '{"{}"}', 'Stopped', 'u-op', {at}, {at})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ContractProjects" ("Id", "Name", "CreatedBy", "CreatedAt", "UpdatedAt", "BlockDeployOnHighFindings") VALUES ('p-1', 'old-project', 'u-devop', {at}, {at}, {false})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AlertRules" ("Name", "NetworkId", "Metric", "Comparator", "Threshold", "ForSeconds", "Severity", "ChannelsJson", "CreatedBy", "CreatedAt", "UpdatedAt")
                VALUES ('old-rule', 'net-1', 'tps', '>', {1.0}, {0}, 'Warning', '[]', 'u-op', {at}, {at})
                """);
        }

        await using (var db = NewContext(database, dir))
        {
            await db.Database.MigrateAsync();
            Assert.Equal("Default", (await db.Organizations.SingleAsync()).Name);
            Assert.Equal(Core.Organizations.Organization.DefaultId, (await db.Networks.SingleAsync()).OrganizationId);
            Assert.Equal(Core.Organizations.Organization.DefaultId, (await db.ContractProjects.SingleAsync()).OrganizationId);
            Assert.Equal(Core.Organizations.Organization.DefaultId, (await db.AlertRules.SingleAsync()).OrganizationId);
            var roles = (await db.OrganizationMembers.ToListAsync()).GroupBy(m => m.UserId)
                .ToDictionary(g => g.Key, g => string.Join(",", g.Select(m => m.Role).Order(StringComparer.Ordinal)));
            Assert.Equal("Owner", roles["u-admin"]);
            Assert.Equal("Operator", roles["u-op"]);
            Assert.Equal("Developer,Operator", roles["u-devop"]);
            Assert.Equal("Member", roles["u-plain"]);
            Assert.Equal(4, await db.Users.CountAsync());
            Assert.Equal("old-chain", (await db.Networks.SingleAsync()).Name);
        }
    }

    /// <summary>A context built exactly as the portal builds it (same registration, same model options).</summary>
    private static PortalDbContext NewContext(TestDatabase database, string dataDirectory)
    {
        var settings = new Dictionary<string, string?>(database.Settings) { ["Portal:DataDirectory"] = dataDirectory };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddPortalCore(configuration).BuildServiceProvider();
        Directory.CreateDirectory(dataDirectory);
        return services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
    }

    private static async Task<IReadOnlyList<string>> ReadSchemaAsync(TestDatabase database, string dir)
    {
        await using var db = NewContext(database, dir);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return await SchemaSnapshot.ReadAsync(connection);
    }
}
