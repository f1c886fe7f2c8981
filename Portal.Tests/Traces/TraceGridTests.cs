using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;
using NutPortal.Tests.Explorer;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Traces;

/// <summary>
/// The traces page's query on a real database: 39 transactions, one per block 2 s apart; every fifth failed; three
/// sent by the portal with a 30 s submission (their slowest stage); the newest six not yet confirmed (slowest: included).
/// </summary>
public sealed class TraceGridTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    internal static DateTime At(long block) => Start.AddSeconds(2 * block);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_page_and_summarise_traces_in_the_database(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        var net = await SeedAsync(grid);
        var traces = grid.Get<TraceOverview>();

        var all = await traces.PageAsync(new TraceQuery(net), new PageRequest(0, 10));
        var failed = await traces.PageAsync(new TraceQuery(net, Succeeded: false), new PageRequest(0, 25));
        var slowSubmission = await traces.PageAsync(new TraceQuery(net, SlowestStage: TraceStages.Submitted), new PageRequest(0, 25));
        var unconfirmed = await traces.PageAsync(new TraceQuery(net, SlowestStage: TraceStages.Included), new PageRequest(0, 25));
        var range = await traces.PageAsync(new TraceQuery(net, From: At(20), To: At(25)), new PageRequest(0, 25));
        var portal = await traces.PageAsync(new TraceQuery(net, SentByPortalOnly: true), new PageRequest(0, 25));
        var slowestFirst = await traces.PageAsync(new TraceQuery(net), new PageRequest(0, 3, "total", Descending: true));
        var secondPage = await traces.PageAsync(new TraceQuery(net), new PageRequest(1, 10));

        Assert.Equal(39, all.Rows.Total);
        Assert.Equal(Enumerable.Range(30, 10).Reverse().Select(n => (long)n), all.Rows.Items.Select(r => r.BlockNumber));
        Assert.Equal(Enumerable.Range(20, 10).Reverse().Select(n => (long)n), secondPage.Rows.Items.Select(r => r.BlockNumber));
        Assert.False(all.WindowFull);
        Assert.Equal([35L, 30, 25, 20, 15, 10, 5], failed.Rows.Items.Select(r => r.BlockNumber));
        Assert.All(failed.Rows.Items, r => Assert.False(r.Succeeded));
        Assert.Equal([12L, 11, 10], slowSubmission.Rows.Items.Select(r => r.BlockNumber));
        Assert.Equal([39L, 38, 37, 36, 35, 34], unconfirmed.Rows.Items.Select(r => r.BlockNumber));
        Assert.Equal([25L, 24, 23, 22, 21, 20], range.Rows.Items.Select(r => r.BlockNumber));
        Assert.Equal([12L, 11, 10], portal.Rows.Items.Select(r => r.BlockNumber));
        Assert.All(portal.Rows.Items, r => Assert.True(r.SentByPortal));
        Assert.Equal([10L, 11, 12], slowestFirst.Rows.Items.Select(r => r.BlockNumber).Order());

        // Percentiles and the latency histogram describe every filtered trace, not only the page.
        Assert.Equal(3, all.Stages.Single(s => s.Stage == TraceStages.Submitted).Count);
        Assert.Equal(30_000, all.Stages.Single(s => s.Stage == TraceStages.Submitted).P50, 1);
        Assert.Equal(39, all.Latency.Sum(b => b.Count));
        var portalBucket = Assert.Single(portal.Latency, b => b.Count > 0);
        Assert.Equal(3, portalBucket.Count);
        Assert.InRange(52_000, portalBucket.FromMilliseconds, portalBucket.ToMilliseconds);
        Assert.Empty((await traces.PageAsync(new TraceQuery(net, From: At(100)), new PageRequest())).Latency);
    }

    [Fact]
    public void Histogram_buckets_have_a_round_width_and_count_every_value()
    {
        var buckets = TraceOverview.Histogram([0, 120, 950, 1_999, 2_000, 3_100], 20);

        Assert.Equal(200, buckets[0].ToMilliseconds - buckets[0].FromMilliseconds);
        Assert.Equal(6, buckets.Sum(b => b.Count));
        Assert.Equal(2, buckets[0].Count);
        Assert.Equal(1, buckets.Single(b => b.FromMilliseconds == 2_000).Count);
        Assert.True(buckets.Count <= 21);
        Assert.Empty(TraceOverview.Histogram([], 20));
    }

    internal static async Task<string> SeedAsync(GridDatabase grid)
    {
        var net = await grid.AddNetworkAsync("grid-traces");
        var blocks = Enumerable.Range(0, 40).Select(n => GridDatabase.Block(net, n, At(n), n == 0 ? 0 : 1)).ToList();
        var txs = Enumerable.Range(1, 39).Select(n => GridDatabase.Transaction(net, n, 0, GridDatabase.Account(1), GridDatabase.Account(2), status: n % 5 == 0 ? 0 : 1)).ToList();
        await grid.AddChainAsync(blocks, txs);
        await using var db = await grid.Factory.CreateDbContextAsync();
        foreach (var n in new long[] { 10, 11, 12 })
        {
            var hash = GridDatabase.TxHash(n, 0);
            db.TraceSpans.Add(new TraceSpan { NetworkId = net, TransactionHash = hash, Stage = TraceStages.BuiltAndSigned, StartedAt = At(n).AddSeconds(-40), EndedAt = At(n).AddSeconds(-39.9) });
            db.TraceSpans.Add(new TraceSpan { NetworkId = net, TransactionHash = hash, Stage = TraceStages.Submitted, StartedAt = At(n).AddSeconds(-39.9), EndedAt = At(n).AddSeconds(-9.9) });
        }
        await db.SaveChangesAsync();
        return net;
    }
}
