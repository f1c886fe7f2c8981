using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Persistence;
using static NutPortal.Tests.DappStore.BundleZips;

namespace NutPortal.Tests.DappStore;

/// <summary>Uploaded front ends: hostile zips are refused with the problem named and nothing kept; a good one is served
/// from its own path under a strict, sandboxing Content-Security-Policy.</summary>
public sealed class BundleUploadTests(StoreWorld world) : IClassFixture<StoreWorld>
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "traversal", "climbs out of the bundle with '..'" },
        { "absolute", "has an absolute path" },
        { "symlink", "is a symbolic link" },
        { "bomb", "refused as a zip bomb" },
        { "many", "the limit is 20 files" },
        { "no-index", "no index.html at its root" },
        { "not-zip", "not a zip archive" },
        { "backslash", "uses a backslash" },
        { "duplicate", "appears twice" },
        { "clash", "cannot be unpacked as files" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_zip_is_refused_with_its_problem_named_and_nothing_is_saved(string kind, string message)
    {
        var id = await world.DraftAsync($"Bundle {kind} {Guid.NewGuid():N}"[..24]);
        var zip = kind switch
        {
            "traversal" => Make(("index.html", Text(IndexHtml)), ("js/../../../escape.js", Text("x"))),
            "absolute" => Make(("index.html", Text(IndexHtml)), ("/tmp/nutportal-absolute.js", Text("x"))),
            "symlink" => Make(("index.html", Text(IndexHtml), 0), ("secrets", Text("/etc/passwd"), 0xA1FF)),
            "bomb" => Make(("index.html", Text(IndexHtml)), ("zeros.bin", new byte[3 * 1024 * 1024])),
            "many" => Make([("index.html", Text(IndexHtml)), .. Enumerable.Range(0, 25).Select(i => ($"f{i}.js", Text("x")))]),
            "no-index" => Make(("app.js", Text("x"))),
            "backslash" => Make(("index.html", Text(IndexHtml)), ("..\\..\\evil.js", Text("x"))),
            "duplicate" => Make(("index.html", Text(IndexHtml)), ("index.html", Text("<script>evil()</script>"))),
            "clash" => Make(("index.html", Text(IndexHtml)), ("js", Text("x")), ("js/app.js", Text("x"))),
            _ => Text("this is not a zip"),
        };

        var response = await UploadAsync(world.Developer.Client, id, zip);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(message, body);
        await AssertNothingSavedAsync(id);
    }

    [Fact]
    public async Task A_zip_over_the_size_limit_is_refused_before_it_is_read()
    {
        var id = await world.DraftAsync($"Bundle big {Guid.NewGuid():N}"[..24]);
        var noise = new byte[100_000];
        Random.Shared.NextBytes(noise);

        var response = await UploadAsync(world.Developer.Client, id, Make(("index.html", Text(IndexHtml)), ("noise.bin", noise)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 65536 bytes", await response.Content.ReadAsStringAsync());
        await AssertNothingSavedAsync(id);
    }

    [Fact]
    public async Task A_good_bundle_is_served_from_its_own_path_with_a_sandboxing_policy_and_only_its_own_files()
    {
        var id = await world.DraftAsync($"Bundle ok {Guid.NewGuid():N}"[..24]);

        var upload = await UploadAsync(world.Developer.Client, id, Good());
        var other = await UploadAsync(world.Member.Client, id, Good());

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var dapp = await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}");
        Assert.Equal("bundle", dapp.GetProperty("frontEnd").GetString());
        var url = dapp.GetProperty("bundleUrl").GetString()!;
        Assert.Matches("^/dapp-bundles/[0-9a-f]{32}/index.html$", url);
        using var anonymous = new HttpClient { BaseAddress = world.Portal.Address };
        var page = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Nut DApp", await page.Content.ReadAsStringAsync());
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox allow-scripts;", policy);
        Assert.DoesNotContain("allow-same-origin", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("connect-src 'none'", policy);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var css = await anonymous.GetAsync(url.Replace("index.html", "css/site.css", StringComparison.Ordinal));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var key = url.Split('/')[2];
        // Kestrel removes dot segments before routing; an encoded slash reaches the bundle route and is refused there.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/dapp-bundles/{key}/css/..%2F..%2F..%2Fportal.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/dapp-bundles/{new string('0', 32)}/index.html")).StatusCode);
        // A second upload is a new version; the first stays served until replaced.
        var second = await UploadAsync(world.Developer.Client, id, Good());
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new("application/zip");
        return client.PostAsync($"/api/v1/dapps/{id}/bundle", content);
    }

    private async Task AssertNothingSavedAsync(string id)
    {
        var dapp = await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}");
        Assert.Equal(JsonValueKind.Null, dapp.GetProperty("bundleUrl").ValueKind);
        Assert.Equal("generated", dapp.GetProperty("frontEnd").GetString());
        await using var db = await world.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.DappBundles.AnyAsync(b => b.DappId == id));
        var root = Path.Combine(world.Portal.DataDirectory, "dapp-bundles");
        var folders = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        Assert.DoesNotContain(folders, f => Path.GetFileName(f).StartsWith(".incoming-", StringComparison.Ordinal));
        Assert.Equal(await db.DappBundles.CountAsync(), folders.Length);
        Assert.False(File.Exists("/tmp/nutportal-absolute.js"));
        Assert.False(File.Exists(Path.Combine(world.Portal.DataDirectory, "escape.js")));
    }
}
