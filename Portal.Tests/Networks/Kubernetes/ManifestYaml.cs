using YamlDotNet.RepresentationModel;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>
/// Reads rendered manifests with YamlDotNet into maps and lists. Plain scalars are typed the way a YAML 1.1 reader
/// would (yes/no/on/off and true/false booleans, null, integers), so a string that should have been quoted comes
/// back as something else and the test fails.
/// </summary>
internal static class ManifestYaml
{
    private static readonly HashSet<string> True = new(StringComparer.OrdinalIgnoreCase) { "true", "yes", "on", "y" };
    private static readonly HashSet<string> False = new(StringComparer.OrdinalIgnoreCase) { "false", "no", "off", "n" };

    public static List<Dictionary<string, object?>> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (Dictionary<string, object?>)Convert(d.RootNode)!).ToList();
    }

    public static object? Path(object? node, string path)
    {
        foreach (var part in path.Split('|'))
        {
            node = int.TryParse(part, out var index) ? ((List<object?>)node!)[index] : ((Dictionary<string, object?>)node!)[part];
        }
        return node;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Convert(e.Value)),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => Plain(plain.Value),
        YamlScalarNode quoted => quoted.Value,
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static object? Plain(string? value) =>
        value is null or "" or "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase) ? null
        : True.Contains(value) ? true
        : False.Contains(value) ? false
        : long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
        : value;
}
