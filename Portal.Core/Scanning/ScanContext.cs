using System.Text;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning;

/// <summary>
/// What detectors see: the AST of one comment-free source file, the compiler version and AST helpers. In a
/// multi-file scan there is one context per file; declarations resolve across all of the compilation's files.
/// </summary>
public sealed class ScanContext
{
    private readonly int[] _lineStarts;
    private readonly byte[] _source;
    private readonly Dictionary<long, AstNode> _byId = [];

    public ScanContext(string strippedSource, SolcVersion compilerVersion, IReadOnlyList<AstNode> units, IReadOnlyList<AstNode>? declarationUnits = null, string? file = null)
    {
        File = file;
        CompilerVersion = compilerVersion;
        Units = units;
        var bytes = Encoding.UTF8.GetBytes(strippedSource);
        _source = bytes;
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
        foreach (var node in (declarationUnits ?? units).SelectMany(u => u.DescendantsAndSelf()))
        {
            if (node.Id >= 0)
            {
                _byId.TryAdd(node.Id, node);
            }
        }
    }

    public SolcVersion CompilerVersion { get; }

    /// <summary>The file this context covers, in a multi-file scan; null for a single source.</summary>
    public string? File { get; }

    /// <summary>solc's source index of this context's file (0 for a single source): source maps name files by it.</summary>
    public int FileIndex => Units.Count > 0 ? Math.Max(Units[0].FileIndex, 0) : 0;

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

    /// <summary>The node's source with all whitespace removed, so two spellings of the same expression compare equal.</summary>
    public string Text(AstNode? node)
    {
        if (node is null || node.Offset < 0 || node.Offset + node.Length > _source.Length)
        {
            return "";
        }
        var text = Encoding.UTF8.GetString(_source, node.Offset, node.Length);
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>
    /// Declarations in a function whose value the caller chooses: the parameters, and locals assigned from them
    /// (followed through a few assignments, enough for `uint n = _list.length; ... n * _value`).
    /// </summary>
    public static HashSet<long> CallerControlled(AstNode function)
    {
        var tainted = function.Child("parameters")?.Children.Select(p => p.Id).ToHashSet() ?? [];
        var body = function.Child("body");
        if (body is null)
        {
            return tainted;
        }
        var flows = new List<(long Target, AstNode Value)>();
        foreach (var n in body.Descendants())
        {
            if (n.NodeType == "VariableDeclarationStatement" && n.Child("initialValue") is { } init)
            {
                flows.AddRange(n.ChildrenIn("declarations").Select(d => (d.Id, init)));
            }
            else if (n.NodeType == "Assignment" && n.Child("leftHandSide") is { NodeType: "Identifier" } lhs && lhs.ReferencedDeclaration is { } id && n.Child("rightHandSide") is { } rhs)
            {
                flows.Add((id, rhs));
            }
        }
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (target, value) in flows)
            {
                if (!tainted.Contains(target) && Reads(value, tainted))
                {
                    changed = tainted.Add(target);
                }
            }
        }
        return tainted;
    }

    /// <summary>
    /// True when the expression's value comes from one of the declarations. A declaration used only as a key
    /// (balances[_to]) picks the slot, not the value, so it does not count.
    /// </summary>
    public static bool Reads(AstNode expression, HashSet<long> declarations) => expression.DescendantsAndSelf().Any(n =>
        n.NodeType == "Identifier" && n.ReferencedDeclaration is { } id && declarations.Contains(id)
        && !n.Ancestors().Prepend(n).TakeWhile(a => a != expression).Any(a => a.Role == "indexExpression"));

    /// <summary>
    /// The value of a compile-time number: a literal (with its unit: 1 days, 2 ether), a constant state variable,
    /// or + - * of those. Null when it is not a constant.
    /// </summary>
    public double? ConstantValue(AstNode? n) => n?.NodeType switch
    {
        "Literal" when double.TryParse(n.Str("value"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) => v * Unit(n.Str("subdenomination")),
        "Identifier" when Declaration(n) is { } d && d.Bool("constant") => ConstantValue(d.Child("value")),
        "TupleExpression" => n.Children.Count == 1 ? ConstantValue(n.Children[0]) : null,
        "BinaryOperation" when ConstantValue(n.Child("leftExpression")) is { } l && ConstantValue(n.Child("rightExpression")) is { } r => n.Str("operator") switch
        {
            "+" => l + r,
            "-" => l - r,
            "*" => l * r,
            "/" when r != 0 => l / r,
            "**" => Math.Pow(l, r),
            _ => null,
        },
        _ => null,
    };

    private static double Unit(string? subdenomination) => subdenomination switch
    {
        "minutes" => 60,
        "hours" => 3600,
        "days" => 86400,
        "weeks" => 604800,
        "years" => 31536000,
        "finney" => 1e15,
        "szabo" => 1e12,
        "ether" => 1e18,
        _ => 1,
    };

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
