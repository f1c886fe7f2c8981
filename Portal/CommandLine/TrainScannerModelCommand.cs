using System.Diagnostics;
using System.CommandLine;
using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;
using NutPortal.Core.Solidity;
using NutPortal.Web.Bench;

namespace NutPortal.Web.CommandLine;

/// <summary>
/// `Portal train-scanner-model &lt;dataset-dir&gt; [--out path]`: trains the scanner model on a labelled dataset
/// and writes its weights file. Same dataset, same file, byte for byte.
/// </summary>
internal static class TrainScannerModelCommand
{
    public const string DefaultOutput = "Portal.Core/Scanning/Model/scanner-model.json";

    public static Command Create()
    {
        var dataset = new Argument<string>("dataset-dir") { Description = "SmartBugs-layout dataset: dataset/<category>/*.sol with <yes> <report> labels" };
        var output = new Option<string>("--out") { Description = $"Where to write the weights (default {DefaultOutput})", DefaultValueFactory = _ => DefaultOutput };
        var command = new Command("train-scanner-model", "Train the scanner's learned model and write its weights file") { dataset, output };
        command.SetAction(async (parse, ct) =>
        {
            var root = CommandPaths.Resolve(parse.GetValue(dataset) ?? "");
            if (!Directory.Exists(root))
            {
                await Console.Error.WriteLineAsync($"dataset-dir: no directory at '{root}'.");
                return 2;
            }
            var (bytes, model) = await TrainAsync(root, ct);
            var path = CommandPaths.Resolve(parse.GetValue(output) ?? DefaultOutput);
            await File.WriteAllBytesAsync(path, bytes, ct);
            Console.WriteLine($"Wrote {path}: {model.Training.Contracts} contracts, {model.Training.Functions} functions, {model.Features.Count} features");
            foreach (var c in model.Classifiers)
            {
                Console.WriteLine(FormattableString.Invariant($"  {c.Category}: lambda {c.Lambda}, threshold {c.Threshold:0.###}, cross-validated F1 {c.CrossValidatedF1:0.###}"));
            }
            return 0;
        });
        return command;
    }

    public static async Task<(byte[] Bytes, ScannerModel Model)> TrainAsync(string root, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions
        {
            // A training run compiles every file once; on a busy machine a slow compile is better than a failed run.
            PoolSizePerVersion = 1, CompileTimeout = TimeSpan.FromMinutes(3), StartTimeout = TimeSpan.FromMinutes(3),
        });
        var scans = await ScannerDataset.ScanAllAsync(new SolidityScanner(compiler), root, ct);
        var scanned = Stopwatch.GetElapsedTime(started);
        var model = new ScannerModelTrainer(new ScannerModelTrainingOptions()).Train([.. scans.Select(s => s.ForTraining())]);
        // Progress goes to stderr: stdout is the summary of what was written.
        await Console.Error.WriteLineAsync(FormattableString.Invariant($"scanned {scans.Count} files in {scanned.TotalSeconds:0.0} s, trained in {(Stopwatch.GetElapsedTime(started) - scanned).TotalSeconds:0.0} s"));
        return (ScannerModelJson.Write(model), model);
    }
}
