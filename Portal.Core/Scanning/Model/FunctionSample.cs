namespace NutPortal.Core.Scanning.Model;

/// <summary>
/// One function (or modifier) as the model sees it: named features, each with the source lines where it
/// occurs, so a prediction can point at the line that contributed most.
/// </summary>
public sealed class FunctionSample
{
    public required string Contract { get; init; }

    public required string Name { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    /// <summary>UTF-8 byte range of the definition, as solc reports it (source maps use the same).</summary>
    public required int Offset { get; init; }

    public required int Length { get; init; }

    public Dictionary<string, HashSet<int>> Features { get; } = new(StringComparer.Ordinal);

    public bool ContainsLine(int line) => line >= StartLine && line <= EndLine;

    public void Add(string feature, int line)
    {
        if (!Features.TryGetValue(feature, out var lines))
        {
            Features[feature] = lines = [];
        }
        lines.Add(line);
    }
}
