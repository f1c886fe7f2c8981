using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;

namespace NutPortal.Tests.Scanning;

/// <summary>The scanner model's arithmetic: logistic regression, its gradient, folds, thresholds and the weights file.</summary>
public sealed class ModelMathTests
{
    [Fact]
    public void Logistic_regression_separates_a_separable_toy_set()
    {
        // Feature 0 marks positives, feature 1 negatives, feature 2 is noise present in both.
        var examples = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? new TrainingExample(Vector((0, 1), (2, i % 4 == 0 ? 1 : 0)), true, 1)
            : new TrainingExample(Vector((1, 1), (2, i % 3 == 0 ? 1 : 0)), false, 1)).ToList();

        var (weights, bias) = LogisticRegression.Train(examples, 3, lambda: 1e-4, iterations: 500);

        Assert.All(examples, e => Assert.Equal(e.Positive, LogisticRegression.Sigmoid(e.Features.Dot(weights) + bias) > 0.5));
        Assert.True(LogisticRegression.Sigmoid(weights[0] + bias) > 0.9);
        Assert.True(LogisticRegression.Sigmoid(weights[1] + bias) < 0.1);
        Assert.True(Math.Abs(weights[2]) < Math.Abs(weights[0]));
    }

    [Fact]
    public void Gradient_matches_finite_differences_of_the_loss()
    {
        var random = new Random(7);
        var examples = Enumerable.Range(0, 12).Select(i => new TrainingExample(
            Vector((i % 5, random.NextDouble()), (5 + i % 3, random.NextDouble() - 0.5)), i % 3 == 0, 1 + i % 2)).ToList();
        var weights = Enumerable.Range(0, 8).Select(_ => random.NextDouble() - 0.5).ToArray();
        const double bias = 0.3, lambda = 0.05, h = 1e-6;

        var (gradient, gradientBias) = LogisticRegression.Gradient(weights, bias, examples, lambda);

        for (var j = 0; j < weights.Length; j++)
        {
            var plus = (double[])weights.Clone();
            var minus = (double[])weights.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (LogisticRegression.Loss(plus, bias, examples, lambda) - LogisticRegression.Loss(minus, bias, examples, lambda)) / (2 * h);
            Assert.Equal(numeric, gradient[j], 6);
        }
        var numericBias = (LogisticRegression.Loss(weights, bias + h, examples, lambda) - LogisticRegression.Loss(weights, bias - h, examples, lambda)) / (2 * h);
        Assert.Equal(numericBias, gradientBias, 6);
    }

    [Fact]
    public void Loss_of_zero_weights_is_log_two()
    {
        var examples = new[] { new TrainingExample(Vector((0, 1)), true, 1), new TrainingExample(Vector((0, 1)), false, 3) };

        Assert.Equal(Math.Log(2), LogisticRegression.Loss(new double[1], 0, examples, 0.1), 12);
    }

    [Fact]
    public void Folds_split_files_evenly_and_the_same_way_every_time()
    {
        var folds = ScannerModelTrainer.Folds(23, 5, 42);

        Assert.Equal(folds, ScannerModelTrainer.Folds(23, 5, 42));
        Assert.NotEqual(folds, ScannerModelTrainer.Folds(23, 5, 43));
        Assert.All(folds.GroupBy(f => f), g => Assert.InRange(g.Count(), 4, 5));
    }

    [Fact]
    public void Threshold_is_the_cut_with_the_best_F1()
    {
        (double, bool)[] scored = [(0.9, true), (0.8, true), (0.7, false), (0.6, true), (0.2, false), (0.1, false)];

        var (threshold, f1) = ScannerModelTrainer.BestThreshold(scored);

        // At 0.6: 3 true positives, 1 false positive, no misses -> F1 = 6/7; at 0.8: 2/3 found -> F1 = 0.8.
        Assert.Equal(0.6, threshold);
        Assert.Equal(6.0 / 7, f1, 12);
        Assert.True(ScannerModelTrainer.BestThreshold([(0.5, false)]).Threshold > 1);
    }

    [Fact]
    public void Training_twice_on_the_same_contracts_writes_identical_weight_files()
    {
        var contracts = ToyContracts();
        var trainer = new ScannerModelTrainer(new ScannerModelTrainingOptions { Folds = 3, MinFileFrequency = 1, Iterations = 100 });

        var first = ScannerModelJson.Write(trainer.Train(contracts));
        var second = ScannerModelJson.Write(trainer.Train(ToyContracts()));

        Assert.Equal(first, second);
        var model = ScannerModelJson.Read(first);
        Assert.Equal(first, ScannerModelJson.Write(model));
        var reentrancy = Assert.Single(model.Classifiers, c => c.Category == ScanCategories.Reentrancy);
        Assert.True(reentrancy.Weights[model.Features.ToList().IndexOf("ll:call")] > 0);
    }

    /// <summary>Nine contracts: a function with a low-level call labelled reentrancy, and a harmless getter.</summary>
    private static List<TrainingContract> ToyContracts() => [.. Enumerable.Range(0, 9).Select(i =>
    {
        var risky = Function("withdraw", 3, 8, ("ll:call", 5), ("m:value", 5), ("as:-=:state", 6), ($"n:noise{i % 2}", 4));
        var getter = Function("balance", 10, 12, ("n:Return", 11), ("m:balance", 11), ($"n:noise{i % 3}", 11));
        return new TrainingContract($"c{i}.sol", [risky, getter], [], [(ScanCategories.Reentrancy, 5)]);
    })];

    private static FunctionSample Function(string name, int start, int end, params (string Feature, int Line)[] features)
    {
        var sample = new FunctionSample { Contract = "C", Name = name, StartLine = start, EndLine = end, Offset = start * 100, Length = 50 };
        foreach (var (feature, line) in features)
        {
            sample.Add(feature, line);
        }
        return sample;
    }

    private static SparseVector Vector(params (int Index, double Value)[] entries) =>
        new([.. entries.Select(e => e.Index)], [.. entries.Select(e => e.Value)]);
}
