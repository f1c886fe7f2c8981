using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NutPortal.Core.Scanning.Model;

/// <summary>How the model was trained: enough to retrain it the same way, and nothing that changes between runs.</summary>
public sealed record ScannerModelTraining(int Contracts, int Functions, int Folds, ulong Seed, int MinFileFrequency, int Iterations);

/// <summary>
/// The weights file. Written with a fixed property order and weights rounded to 5 decimals, so the same
/// training data gives a byte-identical file.
/// </summary>
public static class ScannerModelJson
{
    public const int Format = 1;

    public static byte[] Write(ScannerModel model)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps feature names such as "p:Block.statements>IfStatement" readable in the file.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteStartObject("training");
            json.WriteNumber("contracts", model.Training.Contracts);
            json.WriteNumber("functions", model.Training.Functions);
            json.WriteNumber("folds", model.Training.Folds);
            json.WriteNumber("seed", model.Training.Seed);
            json.WriteNumber("minFileFrequency", model.Training.MinFileFrequency);
            json.WriteNumber("iterations", model.Training.Iterations);
            json.WriteEndObject();
            json.WriteStartArray("features");
            foreach (var feature in model.Features)
            {
                json.WriteStringValue(feature);
            }
            json.WriteEndArray();
            json.WriteStartArray("categories");
            foreach (var c in model.Classifiers)
            {
                json.WriteStartObject();
                json.WriteString("category", c.Category);
                json.WriteNumber("lambda", c.Lambda);
                json.WriteNumber("threshold", Round(c.Threshold));
                json.WriteNumber("crossValidatedF1", Round(c.CrossValidatedF1));
                json.WriteNumber("bias", Round(c.Bias));
                json.WriteStartArray("weights");
                foreach (var w in c.Weights)
                {
                    json.WriteNumberValue(Round(w));
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static ScannerModel Read(byte[] utf8)
    {
        using var doc = JsonDocument.Parse(utf8);
        var root = doc.RootElement;
        if (root.GetProperty("format").GetInt32() != Format)
        {
            throw new InvalidDataException($"Scanner model format {root.GetProperty("format")} is not {Format}; retrain with `Portal train-scanner-model`.");
        }
        var t = root.GetProperty("training");
        var training = new ScannerModelTraining(t.GetProperty("contracts").GetInt32(), t.GetProperty("functions").GetInt32(), t.GetProperty("folds").GetInt32(),
            t.GetProperty("seed").GetUInt64(), t.GetProperty("minFileFrequency").GetInt32(), t.GetProperty("iterations").GetInt32());
        var features = root.GetProperty("features").EnumerateArray().Select(f => f.GetString() ?? "").ToList();
        var classifiers = root.GetProperty("categories").EnumerateArray().Select(c => new CategoryClassifier(
            c.GetProperty("category").GetString() ?? "",
            c.GetProperty("lambda").GetDouble(),
            c.GetProperty("threshold").GetDouble(),
            c.GetProperty("crossValidatedF1").GetDouble(),
            c.GetProperty("bias").GetDouble(),
            [.. c.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble())])).ToList();
        if (classifiers.Any(c => c.Weights.Length != features.Count))
        {
            throw new InvalidDataException("Scanner model weights do not match its feature list.");
        }
        return new ScannerModel(features, classifiers, training);
    }

    public static string Text(ScannerModel model) => Encoding.UTF8.GetString(Write(model));

    private static double Round(double value) => Math.Round(value, 5, MidpointRounding.ToEven);
}
