namespace NutPortal.Core.Scanning.Model;

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
        var categories = ScanCategories.All
            .Where(category => contracts.Sum(c => c.Functions.Count(f => c.IsPositive(f, category))) >= options.MinPositives).ToList();
        var labels = contracts.Select(c => c.Functions.Select(f => categories.Select(category => c.IsPositive(f, category)).ToArray()).ToArray()).ToArray();
        var folds = Folds(contracts.Count, options.Folds, options.Seed);
        // Out-of-fold probabilities of the functions left to the model, per lambda and category.
        var best = categories.Select(_ => (Lambda: options.Lambdas[0], Threshold: 2.0, F1: -1.0)).ToArray();
        foreach (var lambda in options.Lambdas)
        {
            var scored = categories.Select(_ => new List<(double P, bool Positive)>()).ToArray();
            for (var fold = 0; fold < options.Folds; fold++)
            {
                var (weights, biases) = Fit(vectors, labels, [.. Enumerable.Range(0, contracts.Count).Where(i => folds[i] != fold)], categories.Count, lambda, features.Count);
                foreach (var i in Enumerable.Range(0, contracts.Count).Where(i => folds[i] == fold))
                {
                    for (var f = 0; f < contracts[i].Functions.Count; f++)
                    {
                        for (var c = 0; c < categories.Count; c++)
                        {
                            if (!contracts[i].StaticallyCovered(contracts[i].Functions[f], categories[c]))
                            {
                                scored[c].Add((Probability(vectors[i][f], weights, biases, c, categories.Count), labels[i][f][c]));
                            }
                        }
                    }
                }
            }
            for (var c = 0; c < categories.Count; c++)
            {
                var (threshold, f1) = BestThreshold(scored[c]);
                if (f1 > best[c].F1)
                {
                    best[c] = (lambda, threshold, f1);
                }
            }
        }
        var final = best.Select(b => b.Lambda).Distinct().ToDictionary(l => l, l => Fit(vectors, labels, [.. Enumerable.Range(0, contracts.Count)], categories.Count, l, features.Count));
        var classifiers = categories.Select((category, c) =>
        {
            var (weights, biases) = final[best[c].Lambda];
            var column = Enumerable.Range(0, features.Count).Select(j => weights[j * categories.Count + c]).ToArray();
            // A category whose held-out F1 stays low only ranks functions: its findings would be mostly noise.
            var threshold = best[c].F1 >= options.MinF1ForFindings ? best[c].Threshold : 2.0;
            return new CategoryClassifier(category, best[c].Lambda, threshold, Math.Max(0, best[c].F1), biases[c], column);
        }).ToList();
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

    private static double Probability(SparseVector x, double[] weights, double[] biases, int c, int k)
    {
        var z = biases[c];
        for (var n = 0; n < x.Indices.Length; n++)
        {
            z += weights[x.Indices[n] * k + c] * x.Values[n];
        }
        return LogisticRegression.Sigmoid(z);
    }

    private (double[] Weights, double[] Biases) Fit(SparseVector[][] vectors, bool[][][] labels, int[] contracts, int categories, double lambda, int dimension)
    {
        var features = contracts.SelectMany(i => vectors[i]).ToList();
        var y = contracts.SelectMany(i => labels[i]).ToArray();
        // Positives are rare; weighting them by √(negatives/positives) keeps them from being ignored
        // without flattening the probabilities the way full balancing would.
        var positiveWeights = Enumerable.Range(0, categories).Select(c =>
        {
            var positives = y.Count(l => l[c]);
            return positives == 0 ? 1 : Math.Sqrt((y.Length - positives) / (double)positives);
        }).ToArray();
        var weights = y.Select(l => Enumerable.Range(0, categories).Select(c => l[c] ? positiveWeights[c] : 1.0).ToArray()).ToArray();
        return new LogisticRegression.Problem(features, y, weights, categories).Train(dimension, lambda, options.Iterations);
    }

    private ScannerModelTraining Training(IReadOnlyList<TrainingContract> contracts) =>
        new(contracts.Count, contracts.Sum(c => c.Functions.Count), options.Folds, options.Seed, options.MinFileFrequency, options.Iterations);
}
