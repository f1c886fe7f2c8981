using System.Diagnostics;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Community;
using NutPortal.Core.DappStore;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// The store's page queries over many DApps (each sort, a search, the dashboard's thread highlights) as a plain User
/// sees them (visibility through the organization's networks), and unpacking an uploaded front end.
/// </summary>
internal sealed class DappStoreBenchSuite : IBenchSuite
{
    public string Name => "dappstore";

    public string Description => "store listing p50/p95 per sort over N published DApps (default 2000) with reviews and threads; bundle unpack of 300 files";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 2000;
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Workers:Enabled=false");
        var app = portal.App;
        await SeedAsync(app.Services, count, ct);
        var user = new Caller("bench-user", "bench-user", false,
            new Dictionary<string, IReadOnlySet<string>> { [Organization.DefaultId] = new HashSet<string> { OrgRoles.Member } }, Organization.DefaultId);
        var catalog = app.Services.GetRequiredService<DappCatalog>();
        foreach (var sort in Enum.GetValues<DappSort>())
        {
            await FigureAsync(report, $"dappstore.list.{sort.ToString().ToLowerInvariant()}.{count}", () => catalog.ListAsync(new DappQuery(Sort: sort), user, ct));
        }
        await FigureAsync(report, $"dappstore.search.{count}", () => catalog.ListAsync(new DappQuery(Search: "market 17", Category: "Finance"), user, ct));
        var threads = app.Services.GetRequiredService<ThreadService>();
        await FigureAsync(report, $"dappstore.highlights.{count}", () => threads.HighlightsAsync(user, ct: ct));
        await BundleAsync(report, app.Services, ct);
    }

    private static async Task FigureAsync<T>(BenchReport report, string name, Func<Task<T>> query)
    {
        await query();
        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        report.Figure(name + ".p50", times[times.Count / 2], "ms");
        report.Figure(name + ".p95", times[(int)(times.Count * 0.95)], "ms");
    }

    private static async Task BundleAsync(BenchReport report, IServiceProvider services, CancellationToken ct)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 300; i++)
            {
                using var entry = new StreamWriter(archive.CreateEntry(i == 0 ? "index.html" : $"assets/f{i}.js").Open());
                entry.Write(string.Concat(Enumerable.Repeat($"console.log({i});\n", 400)));
            }
        }
        var admin = new Caller("bench", "bench", true, new Dictionary<string, IReadOnlySet<string>>(), Organization.DefaultId);
        var watch = Stopwatch.StartNew();
        zip.Position = 0;
        var result = await services.GetRequiredService<DappBundleStore>().UploadAsync("d0", zip, admin, ct);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
        report.Figure("dappstore.bundle.300_files.ms", elapsed, "ms");
        report.Figure("dappstore.bundle.300_files.expanded", result.Value!.TotalBytes / 1024.0 / 1024.0, "MiB");
        report.Figure("dappstore.bundle.300_files.zip", zip.Length / 1024.0, "KiB");
    }

    private static async Task SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        db.Networks.Add(new Network { Id = "bench", Name = "bench", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "bench", Status = NetworkStatus.Stopped });
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var id = $"d{i}";
            db.Dapps.Add(new Dapp
            {
                Id = id, Name = $"{(i % 2 == 0 ? "Market" : "Game")} {i}", Summary = $"bench dapp {i}", Description = "", Category = i % 2 == 0 ? "Finance" : "Games",
                NetworkId = "bench", OrganizationId = Organization.DefaultId, OwnerId = "bench", OwnerName = "bench", State = DappState.Published,
                CreatedAt = now, UpdatedAt = now, PublishedAt = now.AddSeconds(-i),
            });
            for (var r = 0; r < 3; r++)
            {
                db.DappReviews.Add(new DappReview { DappId = id, UserId = $"u{r}", UserName = $"u{r}", Stars = 1 + ((i + r) % 5), Body = "", CreatedAt = now, UpdatedAt = now });
            }
            db.CommunityThreads.Add(new CommunityThread
            {
                DappId = id, Title = $"thread {i}", Body = "b", AuthorId = "u0", AuthorName = "u0", ReplyCount = i % 7, CreatedAt = now.AddMinutes(-i), UpdatedAt = now,
                LastActivityAt = now.AddMinutes(-(i % 500)),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
