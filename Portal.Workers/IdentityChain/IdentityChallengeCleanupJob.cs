using Hangfire;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.IdentityChain;

/// <summary>
/// Deletes identity challenges a day after they expired, used or not: an expired one can never be answered, and the
/// chain's page lists only recent ones. Hourly; deleting what is already gone is a no-op, so it retries safely.
/// </summary>
public sealed class IdentityChallengeCleanupJob(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Id = "identity-challenge-cleanup";

    public const string Cron = "23 * * * *";

    /// <summary>How long an expired challenge stays listed (on the chain's page) before it is deleted.</summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptAfterExpiry;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.IdentityChallenges.Where(c => c.ExpiresAt < before).ExecuteDeleteAsync(ct);
        return $"Deleted {deleted} identity challenge(s) expired before {before:u}.";
    }
}
