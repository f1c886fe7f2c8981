namespace NutPortal.Core.Scanning.Model;

/// <summary>A sparse feature vector: sorted indices and their values.</summary>
public sealed record SparseVector(int[] Indices, double[] Values)
{
    public double Dot(double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < Indices.Length; i++)
        {
            sum += weights[Indices[i]] * Values[i];
        }
        return sum;
    }
}

/// <summary>One example: features, label and how much it counts in the loss.</summary>
public sealed record TrainingExample(SparseVector Features, bool Positive, double Weight);

/// <summary>
/// L2-regularised logistic regression, trained by full-batch Nesterov-accelerated gradient descent. Every
/// step runs in a fixed order on one thread, so the same examples always give the same weights.
/// Objective: Σ wᵢ·logloss(xᵢ, yᵢ) / Σ wᵢ + λ/2·‖w‖² (the bias is not regularised).
/// Several classifiers over the same examples (one per category) train together in one pass over the data:
/// their weights sit side by side per feature (index j·K + k), which is what makes training fast.
/// </summary>
public static class LogisticRegression
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static double Loss(double[] weights, double bias, IReadOnlyList<TrainingExample> examples, double lambda)
    {
        var loss = 0.0;
        var total = 0.0;
        foreach (var e in examples)
        {
            var z = e.Features.Dot(weights) + bias;
            // log(1 + e^-z) for positives, log(1 + e^z) for negatives, computed without overflow.
            var m = e.Positive ? -z : z;
            loss += e.Weight * (Math.Max(m, 0) + Math.Log(1 + Math.Exp(-Math.Abs(m))));
            total += e.Weight;
        }
        return loss / total + lambda / 2 * weights.Sum(w => w * w);
    }

    /// <summary>Gradient of <see cref="Loss"/> with respect to the weights and the bias (the training code path, K = 1).</summary>
    public static (double[] Weights, double Bias) Gradient(double[] weights, double bias, IReadOnlyList<TrainingExample> examples, double lambda)
    {
        var problem = Problem.Of(examples);
        var grad = new double[weights.Length];
        var gradBias = new double[1];
        problem.Gradient(weights, [bias], lambda, grad, gradBias);
        return (grad, gradBias[0]);
    }

    public static (double[] Weights, double Bias) Train(IReadOnlyList<TrainingExample> examples, int dimension, double lambda, int iterations = 150)
    {
        var (weights, biases) = Problem.Of(examples).Train(dimension, lambda, iterations);
        return (weights, biases[0]);
    }

    /// <summary>
    /// K classifiers over shared examples: labels[i][k] and per-classifier example weights.
    /// Returns weights laid out j·K + k and one bias per classifier.
    /// </summary>
    public sealed class Problem(IReadOnlyList<SparseVector> features, bool[][] labels, double[][] exampleWeights, int classifiers)
    {
        public static Problem Of(IReadOnlyList<TrainingExample> examples) =>
            new([.. examples.Select(e => e.Features)], [.. examples.Select(e => new[] { e.Positive })], [.. examples.Select(e => new[] { e.Weight })], 1);

        public void Gradient(double[] weights, double[] biases, double lambda, double[] grad, double[] gradBias)
        {
            var k = classifiers;
            var totals = new double[k];
            for (var i = 0; i < features.Count; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    totals[c] += exampleWeights[i][c];
                }
            }
            Array.Clear(grad);
            Array.Clear(gradBias);
            var residual = new double[k];
            for (var i = 0; i < features.Count; i++)
            {
                var x = features[i];
                for (var c = 0; c < k; c++)
                {
                    residual[c] = biases[c];
                }
                for (var n = 0; n < x.Indices.Length; n++)
                {
                    var row = x.Indices[n] * k;
                    var v = x.Values[n];
                    for (var c = 0; c < k; c++)
                    {
                        residual[c] += weights[row + c] * v;
                    }
                }
                for (var c = 0; c < k; c++)
                {
                    residual[c] = exampleWeights[i][c] * (Sigmoid(residual[c]) - (labels[i][c] ? 1 : 0)) / totals[c];
                    gradBias[c] += residual[c];
                }
                for (var n = 0; n < x.Indices.Length; n++)
                {
                    var row = x.Indices[n] * k;
                    var v = x.Values[n];
                    for (var c = 0; c < k; c++)
                    {
                        grad[row + c] += residual[c] * v;
                    }
                }
            }
            for (var j = 0; j < grad.Length; j++)
            {
                grad[j] += lambda * weights[j];
            }
        }

        /// <summary>
        /// Minimises every classifier's objective. The step is 1/L for L = ¼·max‖(x, 1)‖² + λ, a bound on the
        /// curvature, so no step size needs tuning and the descent cannot diverge.
        /// </summary>
        public (double[] Weights, double[] Biases) Train(int dimension, double lambda, int iterations)
        {
            var k = classifiers;
            var maxNorm = features.Count == 0 ? 0 : features.Max(x => x.Values.Sum(v => v * v));
            var step = 1 / (0.25 * (maxNorm + 1) + lambda);
            var size = dimension * k;
            double[] weights = new double[size], previous = new double[size], lookahead = new double[size], grad = new double[size];
            double[] biases = new double[k], previousBiases = new double[k], lookaheadBiases = new double[k], gradBias = new double[k];
            for (var t = 1; t <= iterations; t++)
            {
                var momentum = (t - 1.0) / (t + 2.0);
                for (var j = 0; j < size; j++)
                {
                    lookahead[j] = weights[j] + momentum * (weights[j] - previous[j]);
                }
                for (var c = 0; c < k; c++)
                {
                    lookaheadBiases[c] = biases[c] + momentum * (biases[c] - previousBiases[c]);
                }
                Gradient(lookahead, lookaheadBiases, lambda, grad, gradBias);
                Array.Copy(weights, previous, size);
                Array.Copy(biases, previousBiases, k);
                for (var j = 0; j < size; j++)
                {
                    weights[j] = lookahead[j] - step * grad[j];
                }
                for (var c = 0; c < k; c++)
                {
                    biases[c] = lookaheadBiases[c] - step * gradBias[c];
                }
            }
            return (weights, biases);
        }
    }
}
