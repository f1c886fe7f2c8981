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

    /// <summary>Gradient of <see cref="Loss"/> with respect to the weights and the bias.</summary>
    public static (double[] Weights, double Bias) Gradient(double[] weights, double bias, IReadOnlyList<TrainingExample> examples, double lambda)
    {
        var grad = new double[weights.Length];
        var gradBias = 0.0;
        var total = examples.Sum(e => e.Weight);
        foreach (var e in examples)
        {
            var residual = e.Weight * (Sigmoid(e.Features.Dot(weights) + bias) - (e.Positive ? 1 : 0)) / total;
            for (var i = 0; i < e.Features.Indices.Length; i++)
            {
                grad[e.Features.Indices[i]] += residual * e.Features.Values[i];
            }
            gradBias += residual;
        }
        for (var j = 0; j < grad.Length; j++)
        {
            grad[j] += lambda * weights[j];
        }
        return (grad, gradBias);
    }

    /// <summary>
    /// Minimises the objective. The step is 1/L for L = ¼·max‖(x, 1)‖² + λ, a bound on the curvature, so
    /// no step size needs tuning and the descent cannot diverge.
    /// </summary>
    public static (double[] Weights, double Bias) Train(IReadOnlyList<TrainingExample> examples, int dimension, double lambda, int iterations = 200)
    {
        var maxNorm = examples.Count == 0 ? 0 : examples.Max(e => e.Features.Values.Sum(v => v * v));
        var step = 1 / (0.25 * (maxNorm + 1) + lambda);
        var weights = new double[dimension];
        var bias = 0.0;
        var previous = new double[dimension];
        var previousBias = 0.0;
        var lookahead = new double[dimension];
        for (var t = 1; t <= iterations; t++)
        {
            var momentum = (t - 1.0) / (t + 2.0);
            for (var j = 0; j < dimension; j++)
            {
                lookahead[j] = weights[j] + momentum * (weights[j] - previous[j]);
            }
            var lookaheadBias = bias + momentum * (bias - previousBias);
            var (grad, gradBias) = Gradient(lookahead, lookaheadBias, examples, lambda);
            Array.Copy(weights, previous, dimension);
            previousBias = bias;
            for (var j = 0; j < dimension; j++)
            {
                weights[j] = lookahead[j] - step * grad[j];
            }
            bias = lookaheadBias - step * gradBias;
        }
        return (weights, bias);
    }
}
