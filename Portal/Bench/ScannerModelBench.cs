using System.Diagnostics;
using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;

namespace NutPortal.Web.Bench;

/// <summary>
/// Held-out figures of the learned model: k-fold cross-validation by file. Each fold's files are scanned by a
/// model trained (and tuned, by its own inner cross-validation) on the other folds only, so no figure comes
/// from a file the model saw. Printed next to the static figures as scanner.model.*: labelled lines found by
/// static rules plus model, findings on unlabelled lines, the model's own findings, the ranking's AUC over
/// functions, and the model's inference time per contract (features + scoring, after compilation).
/// </summary>
internal static class ScannerModelBench
{
    public static void Run(BenchReport report, IReadOnlyList<LabelledScan> scans, ScannerModelTrainingOptions options)
    {
        var folds = ScannerModelTrainer.Folds(scans.Count, options.Folds, options.Seed);
        var counts = ScanCategories.All.ToDictionary(c => c, _ => new int[3]);
        var ranked = ScanCategories.All.ToDictionary(c => c, _ => new List<(double P, bool Positive)>());
        var times = new List<double>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var model = new ScannerModelTrainer(options).Train([.. scans.Where((_, i) => folds[i] != fold).Select(s => s.ForTraining())]);
            foreach (var scan in scans.Where((_, i) => folds[i] == fold && scans[i].Analysis.Error is null))
            {
                var started = Stopwatch.GetTimestamp();
                var functions = scan.Analysis.Functions();
                var risks = model.Rank(functions);
                var modelFindings = model.Findings(risks, functions, scan.Analysis.StaticFindings);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Score(counts, scan.Labels, [.. scan.Analysis.StaticFindings, .. modelFindings], modelFindings);
                var training = scan.ForTraining();
                foreach (var risk in risks)
                {
                    var function = functions.First(f => f.Contract == risk.Contract && f.Name == risk.Function && f.StartLine == risk.StartLine);
                    ranked[risk.Category].Add((risk.Probability, training.IsPositive(function, risk.Category)));
                }
            }
        }
        report.Figure("scanner.model.folds", options.Folds, "folds");
        foreach (var (category, c) in counts)
        {
            report.Figure($"scanner.model.{category}.found_at_line", c[0], "lines");
            report.Figure($"scanner.model.{category}.unlabelled_findings", c[1], "lines");
            report.Figure($"scanner.model.{category}.model_findings", c[2], "lines");
            if (ranked[category].Any(r => r.Positive) && ranked[category].Any(r => !r.Positive))
            {
                report.Figure($"scanner.model.{category}.function_auc", Auc(ranked[category]), "auc");
            }
        }
        report.Figure("scanner.model.total.found_at_line", counts.Values.Sum(c => c[0]), "lines");
        report.Figure("scanner.model.total.unlabelled_findings", counts.Values.Sum(c => c[1]), "lines");
        report.Figure("scanner.model.total.model_findings", counts.Values.Sum(c => c[2]), "lines");
        if (times.Count > 0)
        {
            times.Sort();
            report.Figure("scanner.model.ms_per_contract.median", times[times.Count / 2], "ms");
            report.Figure("scanner.model.ms_per_contract.p95", times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], "ms");
        }
    }

    private static void Score(Dictionary<string, int[]> counts, IReadOnlyList<(string Category, int Line)> labels, IReadOnlyList<Finding> findings, IReadOnlyList<Finding> modelFindings)
    {
        foreach (var label in labels.Where(l => counts.ContainsKey(l.Category)))
        {
            if (findings.Any(f => f.Category == label.Category && f.Line == label.Line))
            {
                counts[label.Category][0]++;
            }
        }
        foreach (var finding in findings.DistinctBy(f => (f.Category, f.Line)).Where(f => counts.ContainsKey(f.Category) && !labels.Contains((f.Category, f.Line))))
        {
            counts[finding.Category][1]++;
        }
        foreach (var finding in modelFindings.Where(f => counts.ContainsKey(f.Category)))
        {
            counts[finding.Category][2]++;
        }
    }

    /// <summary>Probability that a labelled function is ranked above an unlabelled one (ties count half).</summary>
    public static double Auc(IReadOnlyList<(double P, bool Positive)> scored)
    {
        var ordered = scored.OrderBy(s => s.P).ToList();
        double rankSum = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j < ordered.Count && ordered[j].P == ordered[i].P)
            {
                j++;
            }
            var averageRank = (i + 1 + j) / 2.0;
            rankSum += averageRank * ordered.Skip(i).Take(j - i).Count(s => s.Positive);
            i = j;
        }
        double positives = ordered.Count(s => s.Positive), negatives = ordered.Count - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
