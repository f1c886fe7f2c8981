using System.Text;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning;

/// <summary>What detectors see: the ASTs of the comment-free source, the compiler version and AST helpers.</summary>
public sealed class ScanContext
{
    private readonly int[] _lineStarts;
    private readonly Dictionary<long, AstNode> _byId = [];

    public ScanContext(string strippedSource, SolcVersion compilerVersion, IReadOnlyList<AstNode> units)
    {
        CompilerVersion = compilerVersion;
        Units = units;
        var bytes = Encoding.UTF8.GetBytes(strippedSource);
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
        foreach (var node in units.SelectMany(u => u.DescendantsAndSelf()))
        {
            if (node.Id >= 0)
            {
                _byId.TryAdd(node.Id, node);
            }
        }
    }

    public SolcVersion CompilerVersion { get; }

    public IReadOnlyList<AstNode> Units { get; }

    /// <summary>Solidity 0.8 checks arithmetic unless inside unchecked { }.</summary>
    public bool CheckedArithmetic => CompilerVersion >= new SolcVersion(0, 8, 0);

    public IEnumerable<AstNode> All => Units.SelectMany(u => u.Descendants());

    public IEnumerable<AstNode> OfType(string nodeType) => All.Where(n => n.NodeType == nodeType);

    public IEnumerable<AstNode> Functions => OfType("FunctionDefinition").Where(f => f.Child("body") is not null);

    public AstNode? Declaration(AstNode reference) => reference.ReferencedDeclaration is { } id && _byId.TryGetValue(id, out var d) ? d : null;

    /// <summary>1-based line and column of a node.</summary>
    public (int Line, int Column) Position(AstNode node)
    {
        var line = LineAt(node.Offset);
        return (line, node.Offset - _lineStarts[line - 1] + 1);
    }

    /// <summary>1-based line of a UTF-8 byte offset (source maps use these offsets too).</summary>
    public int LineAt(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, Math.Max(0, offset));
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    public int Line(AstNode node) => Position(node).Line;

    /// <summary>True when the expression reads or writes a contract state variable (through index and member access).</summary>
    public bool IsStateVariable(AstNode? expression) => RootDeclaration(expression) is { } d && d.Bool("stateVariable");

    /// <summary>True when the expression is contract storage: a state variable or a local storage pointer into it.</summary>
    public bool IsStorage(AstNode? expression) => RootDeclaration(expression) is { } d
        && (d.Bool("stateVariable") || (expression!.NodeType != "Identifier" && d.TypeIdentifier.EndsWith("_storage_ptr", StringComparison.Ordinal)));

    /// <summary>The declaration at the root of a.b[c].d, or null.</summary>
    public AstNode? RootDeclaration(AstNode? expression)
    {
        while (expression is not null)
        {
            switch (expression.NodeType)
            {
                case "Identifier":
                    return Declaration(expression);
                case "IndexAccess":
                    expression = expression.Child("baseExpression");
                    break;
                case "MemberAccess":
                    expression = expression.Child("expression");
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>Function parameters of the enclosing function that the expression reads.</summary>
    public static bool ReadsParameterOrCalldata(AstNode expression, AstNode function)
    {
        var parameters = function.Child("parameters")?.Children.Select(p => p.Id).ToHashSet() ?? [];
        return expression.DescendantsAndSelf().Any(n =>
            (n.NodeType == "Identifier" && n.ReferencedDeclaration is { } id && parameters.Contains(id))
            || (n.NodeType == "MemberAccess" && n.Name == "data" && n.Child("expression")?.Name == "msg"));
    }
}
