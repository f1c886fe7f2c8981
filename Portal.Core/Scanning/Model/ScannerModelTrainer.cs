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

    public int Iterations { get; init; } = 200;

    public IReadOnlyList<double> Lambdas { get; init; } = [3e-4, 3e-3];

    /// <summary>Categories with fewer positive functions than this get no classifier.</summary>
    public int MinPositives { get; init; } = 3;
}

/// <summary>
/// Trains one classifier per category. Its L2 strength and its threshold are chosen by cross-validation by
/// file: each fold's files are scored by a model trained on the other folds, and the threshold that gives
/// the best F1 on functions the static rules did not already flag is kept.
/// </summary>
public sealed class ScannerModelTrainer(ScannerModelTrainingOptions options)
{
    public ScannerModelTrainingOptions Options => options;

    public ScannerModel Train(IReadOnlyList<TrainingContract> contracts)
    {
        var features = contracts.SelectMany(c => c.Functions.SelectMany(f => f.Features.Keys).Distinct())
            .GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() >= options.MinFileFrequency)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var vocabulary = new ScannerModel(features, [], Training(contracts));
        var vectors = contracts.Select(c => c.Functions.Select(vocabulary.Vectorize).ToArray()).ToArray();
        var folds = Folds(contracts.Count, options.Folds, options.Seed);
        var classifiers = new List<CategoryClassifier>();
        foreach (var category in ScanCategories.All)
        {
            if (contracts.Sum(c => c.Functions.Count(f => c.IsPositive(f, category))) < options.MinPositives)
            {
                continue;
            }
            var best = (Lambda: options.Lambdas[0], Threshold: 2.0, F1: -1.0);
            foreach (var lambda in options.Lambdas)
            {
                var (threshold, f1) = CrossValidatedThreshold(contracts, vectors, folds, category, lambda, features.Count);
                if (f1 > best.F1)
                {
                    best = (lambda, threshold, f1);
                }
            }
            var (weights, bias) = Fit(contracts, vectors, Enumerable.Range(0, contracts.Count), category, best.Lambda, features.Count);
            classifiers.Add(new CategoryClassifier(category, best.Lambda, best.Threshold, Math.Max(0, best.F1), bias, weights));
        }
        return new ScannerModel(features, classifiers, Training(contracts));
    }

    /// <summary>Fold of each contract: a seeded shuffle dealt round-robin, so folds are the same on every run.</summary>
    public static int[] Folds(int count, int folds, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new SplitMix64(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[order[i]] = i % folds;
        }
        return result;
    }

    /// <summary>
    /// Best threshold on out-of-fold probabilities of the functions left to the model (no static finding of
    /// the category), by F1; a threshold above 1 (never reached) when the model helps on none.
    /// </summary>
    private (double Threshold, double F1) CrossValidatedThreshold(
        IReadOnlyList<TrainingContract> contracts, SparseVector[][] vectors, int[] folds, string category, double lambda, int dimension)
    {
        var scored = new List<(double P, bool Positive)>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Enumerable.Range(0, contracts.Count).Where(i => folds[i] != fold);
            var (weights, bias) = Fit(contracts, vectors, train, category, lambda, dimension);
            foreach (var i in Enumerable.Range(0, contracts.Count).Where(i => folds[i] == fold))
            {
                var contract = contracts[i];
                for (var f = 0; f < contract.Functions.Count; f++)
                {
                    if (!contract.StaticallyCovered(contract.Functions[f], category))
                    {
                        var p = LogisticRegression.Sigmoid(vectors[i][f].Dot(weights) + bias);
                        scored.Add((p, contract.IsPositive(contract.Functions[f], category)));
                    }
                }
            }
        }
        return BestThreshold(scored);
    }

    public static (double Threshold, double F1) BestThreshold(IReadOnlyList<(double P, bool Positive)> scored)
    {
        var positives = scored.Count(s => s.Positive);
        var best = (Threshold: 2.0, F1: 0.0);
        int tp = 0, fp = 0;
        var ordered = scored.OrderByDescending(s => s.P).ThenBy(s => s.Positive).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Positive)
            {
                tp++;
            }
            else
            {
                fp++;
            }
            // Only cut between distinct probabilities: a threshold takes all functions scored the same.
            if (i + 1 < ordered.Count && ordered[i + 1].P == ordered[i].P)
            {
                continue;
            }
            var f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
            if (tp > 0 && f1 > best.F1)
            {
                best = (ordered[i].P, f1);
            }
        }
        return best;
    }

    private (double[] Weights, double Bias) Fit(
        IReadOnlyList<TrainingContract> contracts, SparseVector[][] vectors, IEnumerable<int> indices, string category, double lambda, int dimension)
    {
        var examples = new List<TrainingExample>();
        foreach (var i in indices)
        {
            for (var f = 0; f < contracts[i].Functions.Count; f++)
            {
                examples.Add(new TrainingExample(vectors[i][f], contracts[i].IsPositive(contracts[i].Functions[f], category), 1));
            }
        }
        var positives = examples.Count(e => e.Positive);
        // Positives are rare; weighting them by √(negatives/positives) keeps them from being ignored
        // without flattening the probabilities the way full balancing would.
        var positiveWeight = positives == 0 ? 1 : Math.Sqrt((examples.Count - positives) / (double)positives);
        examples = [.. examples.Select(e => e.Positive ? e with { Weight = positiveWeight } : e)];
        return LogisticRegression.Train(examples, dimension, lambda, options.Iterations);
    }

    private ScannerModelTraining Training(IReadOnlyList<TrainingContract> contracts) =>
        new(contracts.Count, contracts.Sum(c => c.Functions.Count), options.Folds, options.Seed, options.MinFileFrequency, options.Iterations);
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
