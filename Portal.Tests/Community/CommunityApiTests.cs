using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.DappStore;

namespace NutPortal.Tests.Community;

/// <summary>Ratings, reviews, threads and moderation through the API, between users of one organization (and one outside it).</summary>
public sealed class CommunityApiTests(StoreWorld world) : IClassFixture<StoreWorld>
{
    [Fact]
    public async Task A_review_appears_for_other_users_and_each_user_keeps_one_rating_even_when_submitting_twice_at_once()
    {
        var id = await world.PublishedAsync($"Rated {Guid.NewGuid():N}"[..20]);

        var first = await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{id}/reviews/mine", new { stars = 3, body = "Works. <script>steal()</script>" });
        var edit = await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{id}/reviews/mine", new { stars = 5, body = "Works **well**." });
        var racing = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            world.Owner.Client.PutAsJsonAsync($"/api/v1/dapps/{id}/reviews/mine", new { stars = i, body = $"try {i}" })));
        var zero = await world.Member.Client.PutAsJsonAsync($"/api/v1/dapps/{id}/reviews/mine", new { stars = 0 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("1 to 5 stars", await zero.Content.ReadAsStringAsync());
        var reviews = await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}/reviews");
        Assert.Equal(2, reviews.GetProperty("total").GetInt32());
        var mine = reviews.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("body").GetString() == "Works **well**.");
        Assert.Equal(5, mine.GetProperty("stars").GetInt32());
        Assert.Contains("<strong>well</strong>", mine.GetProperty("html").GetString());
        var dapp = await world.Developer.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}");
        Assert.Equal(2, dapp.GetProperty("ratingCount").GetInt32());
    }

    [Fact]
    public async Task A_thread_with_a_reply_appears_for_other_users_with_scripts_stripped_and_only_its_author_changes_it()
    {
        var id = await world.PublishedAsync($"Talked {Guid.NewGuid():N}"[..20]);
        var created = await world.Member.Client.PostAsJsonAsync($"/api/v1/dapps/{id}/threads", new
        {
            title = "Gas is high", body = "Why? <script>document.cookie</script><a href=\"javascript:alert(1)\">x</a> <b onclick=\"x()\">bold</b>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var thread = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var reply = await world.Developer.Client.PostAsJsonAsync($"/api/v1/community/threads/{thread}/replies", new { body = "Use *batching*." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyId = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var seen = await world.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/community/threads/{thread}");
        var html = seen.GetProperty("html").GetString()!;
        Assert.Equal("Gas is high", seen.GetProperty("title").GetString());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>bold</b>", html);
        Assert.Contains("<em>batching</em>", Assert.Single(seen.GetProperty("replies").EnumerateArray()).GetProperty("html").GetString());
        var listed = await world.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}/threads");
        Assert.Equal(1, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("replyCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.GetAsync($"/api/v1/community/threads/{thread}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Owner.Client.PutAsJsonAsync($"/api/v1/community/threads/{thread}", new { title = "Mine", body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Member.Client.DeleteAsync($"/api/v1/community/replies/{replyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Member.Client.PutAsJsonAsync($"/api/v1/community/threads/{thread}", new { title = "Gas is high (solved)", body = "Thanks" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Developer.Client.DeleteAsync($"/api/v1/community/replies/{replyId}")).StatusCode);
        var after = await world.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/community/threads/{thread}");
        Assert.Equal("Gas is high (solved)", after.GetProperty("title").GetString());
        Assert.Equal(0, after.GetProperty("replies").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await world.Member.Client.DeleteAsync($"/api/v1/community/threads/{thread}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Owner.Client.GetAsync($"/api/v1/community/threads/{thread}")).StatusCode);
    }

    [Fact]
    public async Task A_reported_board_thread_reaches_the_admins_who_hide_it_from_everyone_else()
    {
        var created = await world.Member.Client.PostAsJsonAsync("/api/v1/community/threads", new { title = $"Free tokens {Guid.NewGuid():N}", body = "Send me your keys" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var thread = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var board = await world.Outsider.Client.GetFromJsonAsync<JsonElement>("/api/v1/community/threads?sort=newest");
        Assert.Contains(board.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == thread);
        var highlights = await world.Outsider.Client.GetFromJsonAsync<JsonElement>("/api/v1/community/highlights");
        Assert.Contains(highlights.GetProperty("newest").EnumerateArray(), t => t.GetProperty("id").GetInt64() == thread);

        var report = await world.Outsider.Client.PostAsJsonAsync("/api/v1/community/reports", new { target = "thread", targetId = thread, reason = "Phishing" });
        var emptyReason = await world.Outsider.Client.PostAsJsonAsync("/api/v1/community/reports", new { target = "thread", targetId = thread, reason = "" });
        var userReads = await world.Outsider.Client.GetAsync("/api/v1/community/reports");
        var userHides = await world.Outsider.Client.PutAsJsonAsync($"/api/v1/community/threads/{thread}/hidden", new { hidden = true });

        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, userReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, userHides.StatusCode);
        using var admin = world.Portal.CreateAdminClient();
        admin.BaseAddress = world.Portal.Address;
        var reports = await admin.GetFromJsonAsync<JsonElement>("/api/v1/community/reports");
        Assert.Contains(reports.GetProperty("items").EnumerateArray(), r => r.GetProperty("targetId").GetInt64() == thread && r.GetProperty("reason").GetString() == "Phishing");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/community/threads/{thread}/hidden", new { hidden = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.GetAsync($"/api/v1/community/threads/{thread}")).StatusCode);
        Assert.True((await world.Member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/community/threads/{thread}")).GetProperty("hidden").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await world.Member.Client.PostAsJsonAsync($"/api/v1/community/threads/{thread}/replies", new { body = "bump" })).StatusCode);
    }
}
