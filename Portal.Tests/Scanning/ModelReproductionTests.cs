using NutPortal.Core.Scanning.Model;
using NutPortal.Web.CommandLine;

namespace NutPortal.Tests.Scanning;

/// <summary>
/// The weights built into the scanner are exactly what `Portal train-scanner-model` makes from the curated
/// SmartBugs dataset: nobody can ship hand-edited or stale weights without this test failing.
/// </summary>
public sealed class ModelReproductionTests
{
    [Fact]
    public async Task Shipped_weights_are_byte_identical_to_a_fresh_training_run_on_the_dataset()
    {
        var dataset = SmartBugsDataset.Locate();
        Assert.True(dataset is not null, $"SmartBugs curated dataset not found at ../shared/datasets/smartbugs-curated from {AppContext.BaseDirectory}");

        var (bytes, model) = await TrainScannerModelCommand.TrainAsync(dataset, CancellationToken.None);

        Assert.True(model.Training.Contracts > 100);
        Assert.True(ScannerModel.ShippedJson().SequenceEqual(bytes),
            "Portal.Core/Scanning/Model/scanner-model.json differs from a fresh training run: regenerate it with "
            + "`dotnet run --project Portal -- train-scanner-model ../shared/datasets/smartbugs-curated`.");
    }
}

/// <summary>Finds the shared datasets folder beside the repository (CI clones the repo next to shared/).</summary>
internal static class SmartBugsDataset
{
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "smartbugs-curated");
            if (Directory.Exists(Path.Combine(candidate, "dataset")))
            {
                return candidate;
            }
        }
        return null;
    }
}
