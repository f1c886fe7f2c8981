using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Npgsql;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Hangfire's queue as the portal configures it: N trivial jobs (default 1,000) enqueued from 8 tasks, run by the
/// portal's own server; queue latency (enqueue to start) p50/p95 and jobs/s, on the SQLite file and, given a
/// PostgreSQL connection string (second argument), on a throw-away database's <c>hangfire</c> schema.
/// </summary>
internal sealed class JobQueueBenchSuite : IBenchSuite
{
    private static readonly ConcurrentQueue<double> Latencies = new();
    private static int _done;

    public string Name => "jobs";

    public string Description => "Hangfire queue latency p50/p95 and jobs/s for N trivial jobs (default 1000) on SQLite and, given a connection string, PostgreSQL";

    /// <summary>The trivial job: records how long it waited in the queue.</summary>
    public static void Noop(long enqueuedAt)
    {
        Latencies.Enqueue(Stopwatch.GetElapsedTime(enqueuedAt).TotalMilliseconds);
        Interlocked.Increment(ref _done);
    }

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 1000;
        await MeasureAsync(report, "jobs.sqlite", count, [], ct);
        if (arguments.Count > 1)
        {
            var name = "nutportal_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(arguments[1], $"CREATE DATABASE \"{name}\"", ct);
            try
            {
                var database = new NpgsqlConnectionStringBuilder(arguments[1]) { Database = name }.ConnectionString;
                await MeasureAsync(report, "jobs.postgres", count, ["--Portal:Database:Provider=Postgres", $"--ConnectionStrings:Portal={database}"], ct);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(arguments[1], $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            }
        }
    }

    private static async Task MeasureAsync(BenchReport report, string name, int count, string[] database, CancellationToken ct)
    {
        await using var portal = await BenchPortal.StartAsync(ct, ["--Portal:Explorer:IndexerEnabled=false", .. database]);
        var app = portal.App;
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        Latencies.Clear();
        _done = 0;
        var total = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                jobs.Enqueue(() => Noop(Stopwatch.GetTimestamp()));
            }
        }, ct)));
        var enqueued = total.Elapsed;
        while (Volatile.Read(ref _done) < count)
        {
            await Task.Delay(20, ct);
        }
        total.Stop();
        var sorted = Latencies.Order().ToArray();
        report.Figure($"{name}.enqueue_rate", count / enqueued.TotalSeconds, "jobs/s");
        report.Figure($"{name}.throughput", count / total.Elapsed.TotalSeconds, "jobs/s");
        report.Figure($"{name}.queue_latency_p50", sorted[sorted.Length / 2], "ms");
        report.Figure($"{name}.queue_latency_p95", sorted[(int)(sorted.Length * 0.95)], "ms");
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
