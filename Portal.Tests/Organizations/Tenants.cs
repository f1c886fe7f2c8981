using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Identity;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Organizations;

/// <summary>A user of a test organization with an API token, and helpers to set organizations up through the API.</summary>
internal sealed record TenantUser(string Id, string Email, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

internal static class Tenants
{
    public const string Password = "Tenant-pass-01";

    public static async Task<string> CreateOrganizationAsync(PortalFactory portal, string name)
    {
        using var admin = Admin(portal);
        var response = await admin.PostAsJsonAsync("/api/v1/organizations", new { name });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>A new user with the roles in the organization; their client sends the organization as its current one.</summary>
    public static async Task<TenantUser> UserAsync(PortalFactory portal, string organizationId, params string[] roles)
    {
        using var admin = Admin(portal);
        var email = $"tenant-{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = Password, roles = Array.Empty<string>() });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var member = await admin.PutAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, roles });
        Assert.True(member.IsSuccessStatusCode, await member.Content.ReadAsStringAsync());
        var token = await portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(id, "tenant");
        var client = portal.CreateAnonymousClient();
        client.BaseAddress = ServerAddress(portal) ?? client.BaseAddress;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        client.DefaultRequestHeaders.Add("X-Organization", organizationId);
        return new TenantUser(id, email, client);
    }

    private static HttpClient Admin(PortalFactory portal)
    {
        var admin = portal.CreateAdminClient();
        admin.BaseAddress = ServerAddress(portal) ?? admin.BaseAddress;
        return admin;
    }

    /// <summary>Where a portal on real ports listens (its in-memory test client would not reach it).</summary>
    private static Uri? ServerAddress(PortalFactory portal) => portal switch
    {
        RealServerPortalFactory real => real.Address,
        Oracle.GrpcPortalFactory grpc => grpc.HttpAddress,
        _ => null,
    };
}
