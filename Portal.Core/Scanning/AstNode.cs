using System.Text.Json;

namespace NutPortal.Core.Scanning;

/// <summary>A node of solc's compact JSON AST with its parent, children and source position.</summary>
public sealed class AstNode
{
    private AstNode(JsonElement element, AstNode? parent, string? role)
    {
        Element = element;
        Parent = parent;
        Role = role;
        NodeType = Str("nodeType") ?? "";
        var src = Str("src")?.Split(':');
        Offset = src is { Length: >= 2 } && int.TryParse(src[0], out var o) ? o : -1;
        Length = src is { Length: >= 2 } && int.TryParse(src[1], out var l) ? l : 0;
        FileIndex = src is { Length: >= 3 } && int.TryParse(src[2], out var f) ? f : -1;
        Id = element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : -1;
    }

    public JsonElement Element { get; }

    public AstNode? Parent { get; }

    /// <summary>The property of the parent that holds this node ("condition", "body", "arguments", ...).</summary>
    public string? Role { get; }

    public string NodeType { get; }

    public long Id { get; }

    /// <summary>Byte offset into the source (UTF-8), as solc reports it.</summary>
    public int Offset { get; }

    public int Length { get; }

    /// <summary>solc's index of the source unit the node is in (the third field of <c>src</c>; source maps use it too).</summary>
    public int FileIndex { get; }

    public List<AstNode> Children { get; } = [];

    public string? Name => Str("name") ?? Str("memberName");

    public string TypeString => Element.TryGetProperty("typeDescriptions", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("typeString", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";

    public string TypeIdentifier => Element.TryGetProperty("typeDescriptions", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("typeIdentifier", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";

    public string? Str(string property) =>
        Element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Bool(string property) => Element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;

    public long? ReferencedDeclaration =>
        Element.TryGetProperty("referencedDeclaration", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : null;

    /// <summary>The child in <paramref name="role"/> (first, when the role holds a list).</summary>
    public AstNode? Child(string role) => Children.FirstOrDefault(c => c.Role == role);

    public IEnumerable<AstNode> ChildrenIn(string role) => Children.Where(c => c.Role == role);

    public IEnumerable<AstNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }
    }

    public IEnumerable<AstNode> DescendantsAndSelf() => Descendants().Prepend(this);

    public IEnumerable<AstNode> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }

    public AstNode? Ancestor(string nodeType) => Ancestors().FirstOrDefault(a => a.NodeType == nodeType);

    public bool Contains(AstNode other) => other.Offset >= Offset && other.Offset + other.Length <= Offset + Length;

    public static AstNode Parse(JsonElement root) => Build(root, null, null);

    private static AstNode Build(JsonElement element, AstNode? parent, string? role)
    {
        var node = new AstNode(element, parent, role);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("nodeType", out _))
            {
                node.Children.Add(Build(property.Value, node, property.Name));
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("nodeType", out _))
                    {
                        node.Children.Add(Build(item, node, property.Name));
                    }
                }
            }
        }
        return node;
    }
}
