using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Web.Hosting;
using NutPortal.Workers.Alerts;

namespace NutPortal.Web.Bench;

/// <summary>
/// Cost of evaluating alert rules: the pure rule step over in-memory latest values, and a full evaluation round
/// (load rules and open alerts from SQLite, step, store transitions) in steady state and when half the rules change state.
/// </summary>
internal sealed class AlertBenchSuite : IBenchSuite
{
    public string Name => "alerts";

    public string Description => "ms per evaluation of N alert rules (default 1000): pure step, full round steady, full round with transitions";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 1000;
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Workers:Enabled=false");
        var app = portal.App;
        var (rules, latest) = await SeedAsync(app.Services, count, ct);
        var now = DateTime.UtcNow;
        var pure = Stopwatch.StartNew();
        const int rounds = 20;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var rule in rules)
            {
                AlertEvaluator.Step(rule, null, AlertEvaluator.Read(rule, latest, now, TimeSpan.FromMinutes(1)), now, out _);
            }
        }
        report.Figure($"alerts.step.{count}", pure.Elapsed.TotalMilliseconds / rounds, "ms");

        var engine = app.Services.GetRequiredService<AlertEngine>();
        report.Figure($"alerts.round.{count}.first", await TimeAsync(() => engine.EvaluateAsync(ct)), "ms");
        var steady = 0.0;
        for (var round = 0; round < 5; round++)
        {
            steady += await TimeAsync(() => engine.EvaluateAsync(ct));
        }
        report.Figure($"alerts.round.{count}.steady", steady / 5, "ms");
        // Every network-wide tps value drops to 0: the half of the rules that fired now resolve.
        latest.Record("bench", [new MetricPoint(Metrics.Tps, null, DateTime.UtcNow, 0)]);
        report.Figure($"alerts.round.{count}.half-resolve", await TimeAsync(() => engine.EvaluateAsync(ct)), "ms");
    }

    private static async Task<(List<AlertRule> Rules, LatestMetrics Latest)> SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        db.Networks.Add(new Network { Id = "bench", Name = "bench", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "bench", Status = NetworkStatus.Stopped });
        // Half the rules hold (tps > 5 with tps at 10), half do not (tps > 50).
        var rules = Enumerable.Range(0, count).Select(i => new AlertRule
        {
            Name = $"rule {i}", NetworkId = "bench", Metric = Metrics.Tps, Comparator = ">", Threshold = i % 2 == 0 ? 5 : 50, CreatedBy = "bench",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        db.AlertRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        var latest = services.GetRequiredService<LatestMetrics>();
        latest.Record("bench", [new MetricPoint(Metrics.Tps, null, DateTime.UtcNow, 10)]);
        return (rules, latest);
    }

    private static async Task<double> TimeAsync(Func<Task<int>> round)
    {
        var watch = Stopwatch.StartNew();
        await round();
        return watch.Elapsed.TotalMilliseconds;
    }
}
