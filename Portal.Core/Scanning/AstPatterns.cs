namespace NutPortal.Core.Scanning;

/// <summary>Shapes of Solidity expressions that several detectors look for.</summary>
public static class AstPatterns
{
    private static readonly HashSet<string> LowLevel = ["call", "send", "delegatecall", "callcode", "transfer"];

    /// <summary>For a FunctionCall: "call", "send", "delegatecall", "callcode" or "transfer" on an address, else null.</summary>
    public static string? LowLevelKind(AstNode call)
    {
        if (call.NodeType != "FunctionCall")
        {
            return null;
        }
        var callee = call.Child("expression");
        // x.call.value(v)(), x.call.gas(g)(), x.call{value: v}(): unwrap to the member access on the address.
        while (callee is not null)
        {
            if (callee.NodeType == "FunctionCallOptions" || (callee.NodeType == "FunctionCall" && callee.Child("expression") is { NodeType: "MemberAccess", Name: "value" or "gas" }))
            {
                callee = callee.Child("expression");
                continue;
            }
            if (callee.NodeType == "MemberAccess" && callee.Name is "value" or "gas" && callee.Child("expression") is { NodeType: "MemberAccess" } inner && LowLevel.Contains(inner.Name ?? ""))
            {
                callee = inner;
                continue;
            }
            break;
        }
        return callee is { NodeType: "MemberAccess" } m && LowLevel.Contains(m.Name ?? "") && m.Child("expression")?.TypeString.StartsWith("address", StringComparison.Ordinal) == true
            ? m.Name
            : null;
    }

    /// <summary>The address expression a low-level call is made on.</summary>
    public static AstNode? CallTarget(AstNode call)
    {
        var node = call.Child("expression");
        while (node is not null && !(node.NodeType == "MemberAccess" && LowLevelKind(call) == node.Name))
        {
            node = node.Child("expression");
        }
        return node?.Child("expression");
    }

    /// <summary>Name of a called global or function: require, keccak256, selfdestruct, ...</summary>
    public static string? CalleeName(AstNode call) => call.NodeType == "FunctionCall" && call.Child("expression") is { } e
        ? e.NodeType is "Identifier" or "MemberAccess" ? e.Name : null
        : null;

    /// <summary>block.timestamp or now.</summary>
    public static bool IsTimestamp(AstNode n) =>
        (n.NodeType == "Identifier" && n.Name == "now") || IsMember(n, "block", "timestamp");

    public static bool IsMember(AstNode n, string owner, string member) =>
        n.NodeType == "MemberAccess" && n.Name == member && n.Child("expression") is { NodeType: "Identifier" } o && o.Name == owner;

    /// <summary>True inside require(...)/assert(...) arguments, an if/loop condition or a ternary condition.</summary>
    public static bool InCondition(AstNode n) => n.Ancestors().Prepend(n).Zip(n.Ancestors(), (child, parent) => (child, parent)).Any(p =>
        (p.child.Role == "condition" && p.parent.NodeType is "IfStatement" or "WhileStatement" or "ForStatement" or "DoWhileStatement" or "Conditional")
        || (p.child.Role == "arguments" && CalleeName(p.parent) is "require" or "assert"));

    /// <summary>An assignment, ++/-- or delete whose target is contract storage (a state variable or a storage pointer).</summary>
    public static AstNode? WrittenState(ScanContext context, AstNode n) => n.NodeType switch
    {
        "Assignment" when context.IsStorage(n.Child("leftHandSide")) => n.Child("leftHandSide"),
        "UnaryOperation" when n.Str("operator") is "++" or "--" or "delete" && context.IsStorage(n.Child("subExpression")) => n.Child("subExpression"),
        _ => null,
    };

    public static bool HasModifiers(AstNode function) => function.ChildrenIn("modifiers").Any();

    public static bool IsPublic(AstNode function) => function.Str("visibility") is "public" or "external";

    public static bool IsConstructor(AstNode function) =>
        function.Bool("isConstructor") || function.Str("kind") == "constructor"
        || (function.Ancestor("ContractDefinition")?.Name is { } contract && contract == function.Name);

    /// <summary>The function checks msg.sender (or tx.origin) somewhere in a condition.</summary>
    public static bool ChecksSender(AstNode function) => function.Descendants().Any(n =>
        (IsMember(n, "msg", "sender") || IsMember(n, "tx", "origin")) && InCondition(n));

    /// <summary>
    /// Only some callers get through: a modifier, or an equality check of msg.sender in a condition
    /// (require(msg.sender == owner), if (msg.sender != owner) throw). A lookup like balances[msg.sender] is not a restriction.
    /// </summary>
    public static bool IsRestricted(ScanContext context, AstNode function) =>
        function.ChildrenIn("modifiers").Any(m => m.Child("modifierName") is { } name && context.Declaration(name) is { NodeType: "ModifierDefinition" } modifier && ChecksCaller(context, modifier))
        || function.Descendants().Any(n => n.NodeType == "BinaryOperation" && n.Str("operator") is "==" or "!=" && InCondition(n)
            && n.Children.Any(c => IsMember(c, "msg", "sender")));

    /// <summary>A modifier that looks at the caller, itself or through a function it calls (onlyowner, onlymanyowners); whenNotPaused does not.</summary>
    private static bool ChecksCaller(ScanContext context, AstNode modifier) => modifier.Descendants().Any(n =>
        IsMember(n, "msg", "sender") || IsMember(n, "tx", "origin")
        || (n.NodeType == "FunctionCall" && n.Child("expression") is { NodeType: "Identifier" } callee && context.Declaration(callee) is { NodeType: "FunctionDefinition" } f
            && f.Descendants().Any(d => IsMember(d, "msg", "sender"))));

    /// <summary>The statement a node belongs to (its nearest ancestor-or-self that is a statement), for one finding per statement.</summary>
    public static AstNode Statement(AstNode n) =>
        n.Ancestors().Prepend(n).FirstOrDefault(a => a.NodeType.EndsWith("Statement", StringComparison.Ordinal) || a.NodeType is "Return" or "Throw") ?? n;

    public static bool IsComparison(AstNode n) => n.NodeType == "BinaryOperation" && n.Str("operator") is "<" or ">" or "<=" or ">=" or "==" or "!=";

    /// <summary>Read-only functions cannot change state, so flaws inside them only matter through their callers.</summary>
    public static bool IsReadOnly(AstNode function) => function.Str("stateMutability") is "view" or "pure" or "constant" || function.Bool("constant");

    /// <summary>The node sits in the arguments of an event (emit E(...) or the pre-0.4.21 call form).</summary>
    public static bool InEvent(ScanContext context, AstNode n) => n.Ancestors().Any(a => a.NodeType == "EmitStatement"
        || (a.NodeType == "FunctionCall" && a.Child("expression") is { NodeType: "Identifier" } e && context.Declaration(e)?.NodeType == "EventDefinition"));
}
