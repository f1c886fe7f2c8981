using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.IdentityChain;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.IdentityChain;

namespace NutPortal.Tests.IdentityChain;

/// <summary>Expired challenges do not pile up: the hourly job deletes those a day past expiry and keeps the rest.</summary>
public sealed class IdentityChallengeCleanupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Challenges_a_day_past_expiry_are_deleted_recent_ones_kept()
    {
        using var admin = portal.CreateAdminClient();
        var uploaded = await IdentityChainApi.UploadAsync(admin, IdentityChainApi.Profile("secp256k1"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var chainId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var now = DateTime.UtcNow;
        var factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.IdentityChallenges.AddRange(
                Challenge(chainId, "old-unused", now.AddDays(-2)),
                Challenge(chainId, "old-used", now.AddHours(-25), used: true),
                Challenge(chainId, "expired-an-hour-ago", now.AddHours(-1)),
                Challenge(chainId, "open", now.AddMinutes(2)));
            await db.SaveChangesAsync();
        }

        var result = await portal.Services.GetRequiredService<IdentityChallengeCleanupJob>().RunAsync(CancellationToken.None);

        Assert.StartsWith("Deleted 2 identity challenge(s)", result, StringComparison.Ordinal);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(["expired-an-hour-ago", "open"], await check.IdentityChallenges.Where(c => c.IdentityChainId == chainId).Select(c => c.Nonce).OrderBy(n => n).ToListAsync());
    }

    private static IdentityChallenge Challenge(string chainId, string nonce, DateTime expires, bool used = false) => new()
    {
        Nonce = nonce, IdentityChainId = chainId, Purpose = ChallengePurpose.Registration, CreatedAt = expires.AddMinutes(-2), ExpiresAt = expires,
        UsedAt = used ? expires.AddMinutes(-1) : null,
    };
}
