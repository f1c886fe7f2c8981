using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

public sealed class TokenApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_created_token_authenticates_until_it_is_revoked()
    {
        using var admin = portal.CreateAdminClient();

        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("token").GetString()!;
        using var client = portal.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/tokens/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Listing_tokens_never_returns_secrets_and_the_database_stores_only_hashes()
    {
        using var admin = portal.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "hash-check" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("token").GetString()!;

        var listing = await admin.GetStringAsync("/api/v1/tokens");

        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.Contains("hash-check", listing, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(Path.Combine(portal.DataDirectory, "portal.db"));
        var wal = Path.Combine(portal.DataDirectory, "portal.db-wal");
        var all = System.Text.Encoding.ASCII.GetString(file) + (File.Exists(wal) ? System.Text.Encoding.ASCII.GetString(await ReadSharedAsync(wal)) : "");
        Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_name_is_rejected_naming_the_field()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Revoking_someone_elses_or_an_unknown_token_is_404()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.DeleteAsync($"/api/v1/tokens/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
