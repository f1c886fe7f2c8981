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
