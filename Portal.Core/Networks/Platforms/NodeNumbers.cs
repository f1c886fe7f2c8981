using System.Globalization;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>Nodes are named node-1, node-2, ...: the number orders them and gives their index in shared configuration.</summary>
public static class NodeNumbers
{
    public static int Number(NetworkNode node) => Number(node.Name);

    public static int Number(string name) =>
        name.StartsWith("node-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Zero-based index (node-1 is 0).</summary>
    public static int Index(NetworkNode node) => Number(node) - 1;
}
