using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Leases;

/// <summary>
/// Database leases, so that several portal replicas on one database run singleton work once: each call either
/// renews this replica's lease or takes an expired one, in a single conditional UPDATE (atomic on SQLite and
/// PostgreSQL); the first claim of a name is an INSERT that loses cleanly to a concurrent one.
/// </summary>
public sealed class LeaseKeeper(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>This replica's name in lease rows: host, process and a per-start suffix.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True when this replica holds <paramref name="name"/> for the next <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == Holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Leases.AnyAsync(l => l.Name == name, ct))
        {
            return false; // another replica holds it
        }
        db.Leases.Add(new Lease { Name = name, Holder = Holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another replica claimed it first
        }
    }

    /// <summary>Gives the lease up (at shutdown) so another replica need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Leases.Where(l => l.Name == name && l.Holder == Holder).ExecuteDeleteAsync(ct);
    }

    public async Task<string?> HolderOfAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Leases.AsNoTracking().Where(l => l.Name == name && l.ExpiresAt >= now).Select(l => l.Holder).SingleOrDefaultAsync(ct);
    }
}
