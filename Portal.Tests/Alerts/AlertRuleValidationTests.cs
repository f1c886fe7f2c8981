using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Outbound;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Monitoring;

namespace NutPortal.Tests.Alerts;

public sealed class AlertRuleValidationTests(MonitoringPortalFactory portal) : IClassFixture<MonitoringPortalFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("ftp://example.com/hook")]
    public async Task A_webhook_to_a_non_public_address_is_refused_at_creation_naming_the_url(string url)
    {
        using var client = portal.CreateAdminClient();
        var networkId = await StoppedNetworkAsync();

        var response = await client.PostAsJsonAsync("/api/v1/alert-rules", Rule(networkId, url));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("channels[0].url", out _), problem.ToString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/alert-rules?networkId={networkId}"))!);
    }

    [Fact]
    public async Task Every_bad_field_is_named()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "", networkId = "none", metric = "nope", comparator = "!=", forSeconds = -1, severity = "loud", channels = new[] { new { type = "sms", url = "https://example.com/" } } });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "name", "networkId", "metric", "comparator", "threshold", "forSeconds", "severity", "channels[0].type" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }
    }

    [Fact]
    public async Task Rules_are_listed_changed_silenced_and_deleted()
    {
        using var client = portal.CreateAdminClient();
        var networkId = await StoppedNetworkAsync();

        var created = await (await client.PostAsJsonAsync("/api/v1/alert-rules", Rule(networkId, null))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        var silenced = await (await client.PostAsJsonAsync($"/api/v1/alert-rules/{id}/silence", new { seconds = 600 })).Content.ReadFromJsonAsync<JsonElement>();
        var badSilence = await client.PostAsJsonAsync($"/api/v1/alert-rules/{id}/silence", new { seconds = -5 });
        var delete = await client.DeleteAsync($"/api/v1/alert-rules/{id}");

        Assert.Equal("tps", created.GetProperty("metric").GetString());
        Assert.Equal("warning", created.GetProperty("severity").GetString());
        Assert.True(silenced.GetProperty("silencedUntil").GetDateTime() > DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.BadRequest, badSilence.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/alerts?state=bogus")).StatusCode);
    }

    [Fact]
    public async Task The_outbound_client_refuses_to_connect_to_loopback_even_when_a_url_got_past_the_save_check()
    {
        using var receiver = new WebhookReceiver();
        var client = portal.Services.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundServiceCollectionExtensions.HttpClientName);

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsJsonAsync(receiver.Url, new { state = "firing" }));

        Assert.Contains("non-public", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, receiver.Calls);
    }

    private static object Rule(string networkId, string? url) => new
    {
        name = "busy", networkId, metric = "tps", comparator = ">", threshold = 100, forSeconds = 30,
        channels = url is null ? [] : new[] { new { type = "webhook", url } },
    };

    private async Task<string> StoppedNetworkAsync()
    {
        var id = "rules" + Guid.NewGuid().ToString("N")[..8];
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(new Network { Id = id, Name = id, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped });
        await db.SaveChangesAsync();
        return id;
    }
}
