using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;
using NutPortal.Tests.Explorer;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Traces;

/// <summary>
/// Traces of a network without an explorer index (Neo, Litecoin) on a real database, written by the trace watcher
/// and by a transfer workload: one trace per transaction, and only the workload's say the portal sent them.
/// </summary>
public sealed class WatchedSpanTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    private static readonly DateTime At = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_workloads_spans_replace_what_the_watcher_wrote_for_its_transactions_and_leave_the_others(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        var net = await grid.AddNetworkAsync("watched");
        var recorder = grid.Get<TraceRecorder>();
        // Another replica's watcher wrote "ab" and "cd" before the workload that sent "ab" finished.
        await recorder.RecordSpansAsync(net, [.. Watched("ab"), .. Watched("cd")]);

        await recorder.ReplaceSpansAsync(net, [
            new TraceSpan { NetworkId = net, TransactionHash = "AB", Stage = TraceStages.Submitted, StartedAt = At, EndedAt = At.AddMilliseconds(5), Node = "node-1" },
            new TraceSpan { NetworkId = net, TransactionHash = "ab", Stage = TraceStages.Imported, StartedAt = At.AddSeconds(1), EndedAt = At.AddSeconds(1.1), Node = "node-2" },
        ]);

        await using var db = await grid.Factory.CreateDbContextAsync();
        var stored = await db.TraceSpans.AsNoTracking().OrderBy(s => s.TransactionHash).ThenBy(s => s.Stage).Select(s => new { s.TransactionHash, s.Stage, s.Node }).ToListAsync();
        Assert.Equal([("ab", TraceStages.Imported, "node-2"), ("ab", TraceStages.Submitted, "node-1"), ("cd", TraceStages.Imported, "node-2"), ("cd", TraceStages.Included, "node-1")],
            stored.Select(s => (s.TransactionHash, s.Stage, s.Node)));
        var page = await grid.Get<TraceOverview>().PageAsync(new TraceQuery(net), new PageRequest(0, 10));
        Assert.Equal([("ab", true), ("cd", false)], page.Rows.Items.Select(r => (r.Hash, r.SentByPortal)).OrderBy(r => r.Hash));
    }

    private static TraceSpan[] Watched(string hash) =>
    [
        new() { NetworkId = "", TransactionHash = hash, Stage = TraceStages.Included, StartedAt = At, EndedAt = At.AddSeconds(1), Node = "node-1", Detail = "block 3, first seen on node-1" },
        new() { NetworkId = "", TransactionHash = hash, Stage = TraceStages.Imported, StartedAt = At.AddSeconds(1), EndedAt = At.AddSeconds(2), Node = "node-2" },
    ];
}
