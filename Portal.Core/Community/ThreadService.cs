using Microsoft.EntityFrameworkCore;
using NutPortal.Core.DappStore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Community;

/// <summary>
/// Discussion threads (on the general board or about a DApp) and their replies. A DApp's threads exist only for those
/// who can see the DApp. Authors edit and delete their posts; Admins hide them (hidden posts stay, seen only by Admins
/// and their authors).
/// </summary>
public sealed class ThreadService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string NotAuthor = "Only its author may change or delete a post.";

    internal static IQueryable<CommunityThread> Visible(PortalDbContext db, Caller caller)
    {
        var dapps = DappAccess.Visible(db, caller).Select(d => d.Id);
        var admin = caller.IsAdmin;
        var user = caller.UserId;
        return db.CommunityThreads.Where(t => (t.DappId == null || dapps.Contains(t.DappId)) && (!t.Hidden || admin || t.AuthorId == user));
    }

    public async Task<StoreResult<CommunityThread>> CreateAsync(string? dappId, string? title, string? body, Caller caller, CancellationToken ct = default)
    {
        if (Check(title, body) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (dappId is not null && !await DappAccess.Visible(db, caller).AnyAsync(d => d.Id == dappId, ct))
        {
            return StoreResult<CommunityThread>.NotFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var thread = new CommunityThread
        {
            DappId = dappId, Title = title!.Trim(), Body = body!, AuthorId = caller.UserId, AuthorName = caller.Name, CreatedAt = now, UpdatedAt = now, LastActivityAt = now,
        };
        db.CommunityThreads.Add(thread);
        await db.SaveChangesAsync(ct);
        return StoreResult<CommunityThread>.Ok(thread);
    }

    /// <summary>Threads of the general board (<paramref name="dappId"/> null) or of one DApp, newest or most recently active first.</summary>
    public async Task<PagedResult<ThreadItem>> ListAsync(string? dappId, ThreadSort sort, Caller caller, int page = 0, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threads = Visible(db, caller).Where(t => t.DappId == dappId);
        var request = new PageRequest(page, pageSize);
        var ordered = sort == ThreadSort.Newest ? threads.OrderByDescending(t => t.CreatedAt) : threads.OrderByDescending(t => t.LastActivityAt);
        var items = await Project(db, ordered.ThenByDescending(t => t.Id).Skip(request.Skip).Take(request.Size)).ToListAsync(ct);
        return new PagedResult<ThreadItem>(items, await threads.CountAsync(ct));
    }

    /// <summary>For the dashboard: the newest threads, and the most replied-to among those active in the last week, across the board and visible DApps.</summary>
    public async Task<(IReadOnlyList<ThreadItem> Newest, IReadOnlyList<ThreadItem> MostActive)> HighlightsAsync(Caller caller, int count = 5, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threads = Visible(db, caller).Where(t => !t.Hidden);
        var newest = await Project(db, threads.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(count)).ToListAsync(ct);
        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var active = await Project(db, threads.Where(t => t.LastActivityAt >= weekAgo && t.ReplyCount > 0)
            .OrderByDescending(t => t.ReplyCount).ThenByDescending(t => t.LastActivityAt).Take(count)).ToListAsync(ct);
        return (newest, active);
    }

    public async Task<ThreadPage?> GetAsync(long id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (thread is null)
        {
            return null;
        }
        var dappName = thread.DappId is null ? null : await db.Dapps.Where(d => d.Id == thread.DappId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var replies = await db.CommunityReplies.AsNoTracking().Where(r => r.ThreadId == id && (!r.Hidden || caller.IsAdmin || r.AuthorId == caller.UserId))
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        return new ThreadPage(thread, dappName, replies);
    }

    public async Task<StoreResult<CommunityReply>> ReplyAsync(long threadId, string? body, Caller caller, CancellationToken ct = default)
    {
        if (CheckBody(body) is { } error)
        {
            return StoreResult<CommunityReply>.Invalid("body", error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Visible(db, caller).AnyAsync(t => t.Id == threadId && !t.Hidden, ct))
        {
            return StoreResult<CommunityReply>.NotFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var reply = new CommunityReply { ThreadId = threadId, Body = body!, AuthorId = caller.UserId, AuthorName = caller.Name, CreatedAt = now, UpdatedAt = now };
        db.CommunityReplies.Add(reply);
        await db.SaveChangesAsync(ct);
        await db.CommunityThreads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1).SetProperty(t => t.LastActivityAt, now), ct);
        return StoreResult<CommunityReply>.Ok(reply);
    }

    public async Task<StoreResult<CommunityThread>> EditThreadAsync(long id, string? title, string? body, Caller caller, CancellationToken ct = default)
    {
        if (Check(title, body) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await Visible(db, caller).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (thread is null)
        {
            return StoreResult<CommunityThread>.NotFound;
        }
        if (thread.AuthorId != caller.UserId)
        {
            return StoreResult<CommunityThread>.Refused(NotAuthor);
        }
        thread.Title = title!.Trim();
        thread.Body = body!;
        thread.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StoreResult<CommunityThread>.Ok(thread);
    }

    public async Task<StoreResult<CommunityReply>> EditReplyAsync(long id, string? body, Caller caller, CancellationToken ct = default)
    {
        if (CheckBody(body) is { } error)
        {
            return StoreResult<CommunityReply>.Invalid("body", error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (reply, refusal) = await ReplyForChangeAsync(db, id, caller, ct);
        if (reply is null)
        {
            return refusal!;
        }
        reply.Body = body!;
        reply.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StoreResult<CommunityReply>.Ok(reply);
    }

    public async Task<StoreResult<CommunityThread>> DeleteThreadAsync(long id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await Visible(db, caller).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (thread is null)
        {
            return StoreResult<CommunityThread>.NotFound;
        }
        if (thread.AuthorId != caller.UserId)
        {
            return StoreResult<CommunityThread>.Refused(NotAuthor);
        }
        db.CommunityThreads.Remove(thread);
        await db.SaveChangesAsync(ct);
        return StoreResult<CommunityThread>.Ok(thread);
    }

    public async Task<StoreResult<CommunityReply>> DeleteReplyAsync(long id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (reply, refusal) = await ReplyForChangeAsync(db, id, caller, ct);
        if (reply is null)
        {
            return refusal!;
        }
        db.CommunityReplies.Remove(reply);
        await db.SaveChangesAsync(ct);
        await db.CommunityThreads.Where(t => t.Id == reply.ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount - 1), ct);
        return StoreResult<CommunityReply>.Ok(reply);
    }

    private static async Task<(CommunityReply? Reply, StoreResult<CommunityReply>? Refusal)> ReplyForChangeAsync(PortalDbContext db, long id, Caller caller, CancellationToken ct)
    {
        var threads = Visible(db, caller).Select(t => t.Id);
        var reply = await db.CommunityReplies.FirstOrDefaultAsync(r => r.Id == id && threads.Contains(r.ThreadId) && (!r.Hidden || caller.IsAdmin || r.AuthorId == caller.UserId), ct);
        if (reply is null)
        {
            return (null, StoreResult<CommunityReply>.NotFound);
        }
        return reply.AuthorId == caller.UserId ? (reply, null) : (null, StoreResult<CommunityReply>.Refused(NotAuthor));
    }

    private static IQueryable<ThreadItem> Project(PortalDbContext db, IQueryable<CommunityThread> threads) =>
        threads.Select(t => new ThreadItem(t.Id, t.DappId, db.Dapps.Where(d => d.Id == t.DappId).Select(d => d.Name).FirstOrDefault(), t.Title, t.AuthorName,
            t.ReplyCount, t.CreatedAt, t.LastActivityAt, t.Hidden));

    private static StoreResult<CommunityThread>? Check(string? title, string? body)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > CommunityLimits.TitleLength)
        {
            return StoreResult<CommunityThread>.Invalid("title", $"A title of 1 to {CommunityLimits.TitleLength} characters.");
        }
        return CheckBody(body) is { } error ? StoreResult<CommunityThread>.Invalid("body", error) : null;
    }

    private static string? CheckBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write something: the text is empty."
        : body.Length > CommunityLimits.BodyLength ? $"The text is {body.Length} characters; at most {CommunityLimits.BodyLength}." : null;
}
