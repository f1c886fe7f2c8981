using Microsoft.EntityFrameworkCore;
using NutPortal.Core.DappStore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Community;

/// <summary>Ratings and reviews: one per user per DApp (a unique index holds it even when two submissions race), editable.</summary>
public sealed class ReviewService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<StoreResult<DappReview>> RateAsync(string dappId, int stars, string? body, Caller caller, CancellationToken ct = default)
    {
        if (stars is < 1 or > 5)
        {
            return StoreResult<DappReview>.Invalid("stars", "A rating is 1 to 5 stars.");
        }
        if ((body ?? "").Length > CommunityLimits.BodyLength)
        {
            return StoreResult<DappReview>.Invalid("body", $"The review is {body!.Length} characters; at most {CommunityLimits.BodyLength}.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await DappAccess.Visible(db, caller).AnyAsync(d => d.Id == dappId, ct))
            {
                return StoreResult<DappReview>.NotFound;
            }
        }
        try
        {
            return StoreResult<DappReview>.Ok(await WriteAsync(dappId, stars, body ?? "", caller, ct));
        }
        catch (DbUpdateException)
        {
            // The same user's other submission inserted first: this one becomes an edit of it.
            return StoreResult<DappReview>.Ok(await WriteAsync(dappId, stars, body ?? "", caller, ct));
        }
    }

    public async Task<PagedResult<DappReview>> ListAsync(string dappId, Caller caller, int page = 0, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await DappAccess.Visible(db, caller).AnyAsync(d => d.Id == dappId, ct))
        {
            return new PagedResult<DappReview>([], 0);
        }
        var reviews = db.DappReviews.AsNoTracking().Where(r => r.DappId == dappId && (!r.Hidden || caller.IsAdmin || r.UserId == caller.UserId));
        var request = new PageRequest(page, pageSize);
        return new PagedResult<DappReview>(await reviews.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct),
            await reviews.CountAsync(ct));
    }

    public async Task<StoreResult<DappReview>> DeleteAsync(long id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var review = await db.DappReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || !await DappAccess.Visible(db, caller).AnyAsync(d => d.Id == review.DappId, ct))
        {
            return StoreResult<DappReview>.NotFound;
        }
        if (review.UserId != caller.UserId)
        {
            return StoreResult<DappReview>.Refused("Only its author may delete a review.");
        }
        db.DappReviews.Remove(review);
        await db.SaveChangesAsync(ct);
        return StoreResult<DappReview>.Ok(review);
    }

    private async Task<DappReview> WriteAsync(string dappId, int stars, string body, Caller caller, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var review = await db.DappReviews.FirstOrDefaultAsync(r => r.DappId == dappId && r.UserId == caller.UserId, ct);
        if (review is null)
        {
            review = new DappReview { DappId = dappId, UserId = caller.UserId, UserName = caller.Name, Body = body, Stars = stars, CreatedAt = now, UpdatedAt = now };
            db.DappReviews.Add(review);
        }
        else
        {
            review.Stars = stars;
            review.Body = body;
            review.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return review;
    }
}
