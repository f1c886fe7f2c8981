using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core;
using NutPortal.Core.Community;
using NutPortal.Core.DappStore;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.DappStore;

/// <summary>The store's and community's queries (search, sorts with rating and activity subqueries, one rating per user
/// under a race, highlights) on each database the portal supports.</summary>
public sealed class StoreQueriesOnProvidersTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Listing_sorts_search_ratings_and_highlights_work_on_the_provider(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var dir = Directory.CreateTempSubdirectory("nutportal-store-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(database.Settings) { ["Portal:DataDirectory"] = dir }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPortalCore(configuration).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.Networks.Add(new Network
            {
                Id = "net1", Name = "shop-chain", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{\"consensus\":\"dev\"}", Status = NetworkStatus.Running,
                CreatedBy = "op", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var admin = new Caller("admin", "admin", true, new Dictionary<string, IReadOnlySet<string>>(), Organization.DefaultId);
        var store = services.GetRequiredService<DappStoreService>();
        var ids = new List<string>();
        foreach (var name in new[] { "Alpha Market", "Beta Game", "Gamma Market" })
        {
            var created = await store.CreateAsync(new DappInput(name, $"{name} summary", "", name.Contains("Game") ? "Games" : "Finance", "net1", []), admin);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
            ids.Add(created.Value!.Id);
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Published a second apart, without contracts (publishing through the service needs a front end).
            var at = DateTime.UtcNow.AddMinutes(-10);
            foreach (var id in ids)
            {
                at = at.AddSeconds(1);
                await db.Dapps.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DappState.Published).SetProperty(d => d.PublishedAt, at));
            }
        }
        var reviews = services.GetRequiredService<ReviewService>();
        Caller User(string id) => new(id, id, false, new Dictionary<string, IReadOnlySet<string>> { [Organization.DefaultId] = new HashSet<string> { OrgRoles.Member } }, Organization.DefaultId);
        await reviews.RateAsync(ids[0], 5, "great", User("u1"));
        await reviews.RateAsync(ids[2], 3, "ok", User("u1"));
        var race = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => reviews.RateAsync(ids[2], 4, $"race {i}", User("u2"))));
        var threads = services.GetRequiredService<ThreadService>();
        var thread = await threads.CreateAsync(ids[1], "Boss level", "How?", User("u1"));
        await threads.ReplyAsync(thread.Value!.Id, "Jump.", User("u2"));

        var catalog = services.GetRequiredService<DappCatalog>();
        var member = User("u3");
        var newest = await catalog.ListAsync(new DappQuery(), member);
        var rated = await catalog.ListAsync(new DappQuery(Sort: DappSort.Rating), member);
        var active = await catalog.ListAsync(new DappQuery(Sort: DappSort.Activity), member);
        var markets = await catalog.ListAsync(new DappQuery(Search: "MARKET", Category: "Finance"), member);
        var (newThreads, busyThreads) = await threads.HighlightsAsync(member);

        Assert.All(race, r => Assert.True(r.Succeeded));
        Assert.Equal([ids[2], ids[1], ids[0]], newest.Items.Select(i => i.Id));
        Assert.Equal([ids[0], ids[2], ids[1]], rated.Items.Select(i => i.Id));
        Assert.Equal(3.5, rated.Items[1].Rating);
        Assert.Equal(2, rated.Items[1].RatingCount);
        Assert.Equal(ids[1], active.Items[0].Id);
        Assert.Equal([ids[2], ids[0]], markets.Items.Select(i => i.Id));
        Assert.Equal("Boss level", Assert.Single(newThreads).Title);
        Assert.Equal(1, Assert.Single(busyThreads).ReplyCount);
        Assert.Equal("Beta Game", busyThreads[0].DappName);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.DappReviews.CountAsync(r => r.DappId == ids[2] && r.UserId == "u2"));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
