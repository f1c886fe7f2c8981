using System.Reflection;
using System.Text.Json.Serialization;

namespace NutPortal.Core.Scanning.Model;

/// <summary>One category's classifier: weights over the model's features, bias, and the CV-chosen threshold.</summary>
public sealed record CategoryClassifier(string Category, double Lambda, double Threshold, double CrossValidatedF1, double Bias, double[] Weights);

/// <summary>How likely a function is to hold a vulnerability of a category, and the line that weighs most.</summary>
/// <remarks><see cref="File"/> names the function's file in a multi-file scan; null (and not stored) for a single source.</remarks>
public sealed record FunctionRisk(
    string Contract, string Function, int StartLine, string Category, double Probability, int Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);

/// <summary>
/// The learned scanner model: a logistic regression per SmartBugs category over named features of each
/// function (AST paths and opcode n-grams). It ranks functions by risk and adds findings, marked with the
/// detector "model" and a probability, where no static rule of that category fired in the function.
/// </summary>
public sealed class ScannerModel
{
    public const string DetectorName = "model";
    private const string ResourceName = "NutPortal.Core.Scanning.Model.scanner-model.json";
    private static readonly Lazy<ScannerModel> ShippedModel = new(() => ScannerModelJson.Read(ShippedJson()));
    private readonly Dictionary<string, int> _index;

    public ScannerModel(IReadOnlyList<string> features, IReadOnlyList<CategoryClassifier> classifiers, ScannerModelTraining training)
    {
        Features = features;
        Classifiers = classifiers;
        Training = training;
        _index = new Dictionary<string, int>(features.Count, StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            _index[features[i]] = i;
        }
    }

    /// <summary>The weights built into Portal.Core (Model/scanner-model.json, made by `Portal train-scanner-model`).</summary>
    public static ScannerModel Shipped => ShippedModel.Value;

    public IReadOnlyList<string> Features { get; }

    public IReadOnlyList<CategoryClassifier> Classifiers { get; }

    public ScannerModelTraining Training { get; }

    public static byte[] ShippedJson()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The scanner model resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The features the model knows, as a unit-length binary vector (long functions do not score higher for length alone).</summary>
    public SparseVector Vectorize(FunctionSample function)
    {
        var indices = function.Features.Keys.Select(f => _index.TryGetValue(f, out var i) ? i : -1).Where(i => i >= 0).Order().ToArray();
        var value = indices.Length == 0 ? 0 : 1 / Math.Sqrt(indices.Length);
        return new SparseVector(indices, Enumerable.Repeat(value, indices.Length).ToArray());
    }

    /// <summary>Every function's probability for every category, highest first.</summary>
    public IReadOnlyList<FunctionRisk> Rank(IReadOnlyList<FunctionSample> functions)
    {
        var risks = new List<FunctionRisk>();
        foreach (var function in functions)
        {
            var x = Vectorize(function);
            foreach (var classifier in Classifiers)
            {
                var p = LogisticRegression.Sigmoid(x.Dot(classifier.Weights) + classifier.Bias);
                risks.Add(new FunctionRisk(function.Contract, function.Name, function.StartLine, classifier.Category, p, MostSuspiciousLine(function, classifier)));
            }
        }
        return [.. risks.OrderByDescending(r => r.Probability).ThenBy(r => r.StartLine).ThenBy(r => r.Category, StringComparer.Ordinal)];
    }

    /// <summary>Model findings: risks above their category's threshold in functions where no static rule of that category fired.</summary>
    public IReadOnlyList<Finding> Findings(IReadOnlyList<FunctionSample> functions, IReadOnlyList<Finding> staticFindings) =>
        Findings(Rank(functions), functions, staticFindings);

    public IReadOnlyList<Finding> Findings(IReadOnlyList<FunctionRisk> risks, IReadOnlyList<FunctionSample> functions, IReadOnlyList<Finding> staticFindings)
    {
        var thresholds = Classifiers.ToDictionary(c => c.Category, c => c.Threshold);
        var findings = new List<Finding>();
        foreach (var risk in risks.Where(r => r.Probability >= thresholds[r.Category]))
        {
            var function = functions.First(f => f.Contract == risk.Contract && f.Name == risk.Function && f.StartLine == risk.StartLine);
            if (!staticFindings.Any(s => s.Category == risk.Category && function.ContainsLine(s.Line)))
            {
                findings.Add(ModelFindingText.Finding(risk));
            }
        }
        return findings;
    }

    /// <summary>The line whose features add most to the category's score; the function's first line when none adds anything.</summary>
    private int MostSuspiciousLine(FunctionSample function, CategoryClassifier classifier)
    {
        var scores = new SortedDictionary<int, double>();
        foreach (var (feature, lines) in function.Features)
        {
            if (_index.TryGetValue(feature, out var i) && classifier.Weights[i] > 0)
            {
                foreach (var line in lines)
                {
                    scores[line] = scores.GetValueOrDefault(line) + classifier.Weights[i];
                }
            }
        }
        var best = function.StartLine;
        var bestScore = 0.0;
        foreach (var (line, score) in scores)
        {
            if (score > bestScore)
            {
                (best, bestScore) = (line, score);
            }
        }
        return best;
    }
}
