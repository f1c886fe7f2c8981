namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// An ordered YAML mapping for <see cref="YamlEmitter"/>. Values are strings, numbers, booleans, nested
/// maps or lists; a null value leaves its key out, so optional fields read naturally in the manifests.
/// </summary>
public sealed class YamlMap : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}
