using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>
/// Reads rendered manifests with YamlDotNet's own deserializer into maps and lists. Unquoted scalars are typed by
/// YamlDotNet (booleans, null, numbers), so a string that should have been quoted comes back as something else and
/// the test fails; numbers come back as <see cref="long"/> so tests compare one type.
/// </summary>
internal static class ManifestYaml
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();

    public static List<Dictionary<string, object?>> Documents(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<string, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add((Dictionary<string, object?>)Normalise(Reader.Deserialize<object>(parser))!);
        }
        return documents;
    }

    public static object? Path(object? node, string path)
    {
        foreach (var part in path.Split('|'))
        {
            node = int.TryParse(part, out var index) ? ((List<object?>)node!)[index] : ((Dictionary<string, object?>)node!)[part];
        }
        return node;
    }

    /// <summary>YamlDotNet's object graph with string keys and one integer type.</summary>
    private static object? Normalise(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(e => (string)e.Key, e => Normalise(e.Value)),
        IList<object?> list => list.Select(Normalise).ToList(),
        int or uint or short or ushort or byte or sbyte => Convert.ToInt64(node, CultureInfo.InvariantCulture),
        _ => node,
    };
}
