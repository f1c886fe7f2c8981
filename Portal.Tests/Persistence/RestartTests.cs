using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Persistence;

public sealed class RestartTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restarting_the_portal_keeps_users_and_tokens(string provider)
    {
        var first = PortalFactory.On(TestDatabase.Create(provider));
        string secret;
        var email = $"keep-{Guid.NewGuid():N}@example.test";
        using (var admin = first.CreateAdminClient())
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Keep-me-pass-1", roles = new[] { "Developer" } })).StatusCode);
            var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "survives" })).Content.ReadFromJsonAsync<JsonElement>();
            secret = created.GetProperty("token").GetString()!;
        }
        using var second = PortalFactory.RestartOf(first);
        await first.DisposeAsync();

        using var client = second.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var users = await client.GetStringAsync("/api/v1/users");
        Assert.Contains(email, users, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(users).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Killing_the_process_mid_write_loses_no_committed_token()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("nutportal-kill-").FullName;
        var bootstrap = "np_kill_" + Guid.NewGuid().ToString("N");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        try
        {
            using (var portal = await PortalProcess.StartAsync(dataDirectory, bootstrap))
            {
                using var client = Client(portal.Address, bootstrap);
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            var name = $"w{w}-{i}";
                            var response = await client.PostAsJsonAsync("/api/v1/tokens", new { name });
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                acknowledged.Add(name);
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                    }
                })).ToList();
                while (acknowledged.Count < 60)
                {
                    await Task.Delay(20);
                }
                portal.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            using var restarted = await PortalProcess.StartAsync(dataDirectory, bootstrap);
            using var check = Client(restarted.Address, bootstrap);
            var names = (await check.GetFromJsonAsync<JsonElement>("/api/v1/tokens")).EnumerateArray()
                .Select(t => t.GetProperty("name").GetString()).ToHashSet();

            Assert.True(acknowledged.Count >= 60);
            Assert.All(acknowledged, name => Assert.Contains(name, names));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
