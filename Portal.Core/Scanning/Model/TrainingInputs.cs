namespace NutPortal.Core.Scanning.Model;

/// <summary>
/// A labelled contract for training: its functions' features, what the static rules found, and the labelled
/// (category, line) pairs. Labels come from the training data only; the scanner never reads them.
/// </summary>
public sealed record TrainingContract(string Name, IReadOnlyList<FunctionSample> Functions, IReadOnlyList<Finding> StaticFindings, IReadOnlyList<(string Category, int Line)> Labels)
{
    public bool IsPositive(FunctionSample function, string category) => Labels.Any(l => l.Category == category && function.ContainsLine(l.Line));

    /// <summary>A static finding of the category inside the function: the model adds nothing there.</summary>
    public bool StaticallyCovered(FunctionSample function, string category) => StaticFindings.Any(f => f.Category == category && function.ContainsLine(f.Line));
}

public sealed record ScannerModelTrainingOptions
{
    public int Folds { get; init; } = 5;

    public ulong Seed { get; init; } = 20261122;

    /// <summary>A feature must occur in this many training files to be kept (rarer ones only memorise a file).</summary>
    public int MinFileFrequency { get; init; } = 2;

    public int Iterations { get; init; } = 150;

    public IReadOnlyList<double> Lambdas { get; init; } = [3e-4, 3e-3];

    /// <summary>Below this held-out F1 a category only ranks functions and adds no findings.</summary>
    public double MinF1ForFindings { get; init; } = 0.25;

    /// <summary>Categories with fewer positive functions than this get no classifier.</summary>
    public int MinPositives { get; init; } = 3;
}

/// <summary>A tiny seeded generator (SplitMix64), so fold assignment never depends on the runtime's Random.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
