namespace NutPortal.Core.Scanning.Model;

/// <summary>
/// Features of a function from its AST: node types, parent→child and grandparent→parent→child paths,
/// members and globals used (call, value, timestamp, tx.origin, ...), operators, low-level call shapes and the
/// order of its statements (call, state write, check). User-chosen names are left out, so the model learns
/// shapes of code rather than the names of the contracts it was trained on.
/// </summary>
public static class AstFeatures
{
    public static List<FunctionSample> Extract(ScanContext context)
    {
        var samples = new List<FunctionSample>();
        foreach (var function in context.All.Where(n => n.NodeType is "FunctionDefinition" or "ModifierDefinition" && n.Child("body") is not null))
        {
            var sample = new FunctionSample
            {
                Contract = function.Ancestor("ContractDefinition")?.Name ?? "",
                Name = function.Name is { Length: > 0 } name ? name : function.Str("kind") ?? "fallback",
                StartLine = context.Line(function),
                EndLine = context.LineAt(function.Offset + Math.Max(0, function.Length - 1)),
                Offset = function.Offset,
                Length = function.Length,
            };
            AddSignature(sample, function);
            foreach (var node in function.Descendants())
            {
                AddNode(context, sample, node, function);
            }
            AddStatementOrder(context, sample, function);
            samples.Add(sample);
        }
        return samples;
    }

    private static void AddSignature(FunctionSample sample, AstNode function)
    {
        var line = sample.StartLine;
        sample.Add("f:" + function.NodeType, line);
        sample.Add("fv:" + (function.Str("visibility") ?? "default"), line);
        sample.Add("fs:" + (function.Str("stateMutability") ?? (function.Bool("payable") ? "payable" : function.Bool("constant") ? "view" : "nonpayable")), line);
        sample.Add(AstPatterns.HasModifiers(function) ? "fm:modifiers" : "fm:none", line);
        if (function.NodeType == "FunctionDefinition")
        {
            sample.Add("fk:" + (AstPatterns.IsConstructor(function) ? "constructor" : function.Str("kind") ?? (function.Name is "" ? "fallback" : "function")), line);
            var contract = function.Ancestor("ContractDefinition")?.Name;
            if (contract is not null && function.Name is { Length: > 0 } name && name != contract && string.Equals(name, contract, StringComparison.OrdinalIgnoreCase))
            {
                sample.Add("fk:named-like-contract", line);
            }
            sample.Add(AstPatterns.ChecksSender(function) ? "fc:checks-sender" : "fc:no-sender-check", line);
        }
    }

    private static void AddNode(ScanContext context, FunctionSample sample, AstNode node, AstNode function)
    {
        var line = context.Line(node);
        var type = node.NodeType;
        sample.Add("n:" + type, line);
        if (node.Parent is { } parent && parent != function)
        {
            sample.Add($"p:{parent.NodeType}.{node.Role}>{type}", line);
            if (parent.Parent is { } grand && grand != function)
            {
                sample.Add($"q:{grand.NodeType}>{parent.NodeType}>{type}", line);
            }
        }
        switch (type)
        {
            case "MemberAccess":
                var owner = node.Child("expression");
                sample.Add("m:" + node.Name, line);
                sample.Add($"mt:{TypeClass(owner?.TypeString)}.{node.Name}", line);
                if (owner is { NodeType: "Identifier" } && context.Declaration(owner) is null)
                {
                    sample.Add($"g:{owner.Name}.{node.Name}", line);
                }
                break;
            case "Identifier":
                // Globals (msg, block, now, keccak256, ...) have no declaration in the AST (solc gives them
                // negative ids, or their unsigned 32-bit form before 0.5).
                if (context.Declaration(node) is null)
                {
                    sample.Add("g:" + node.Name, line);
                }
                else
                {
                    sample.Add("id:" + Kind(context.Declaration(node), function), line);
                }
                break;
            case "BinaryOperation":
                sample.Add($"bo:{node.Str("operator")}:{TypeClass(node.Child("leftExpression")?.TypeString)}", line);
                if (AstPatterns.InCondition(node))
                {
                    sample.Add($"bc:{node.Str("operator")}", line);
                }
                break;
            case "Assignment":
                sample.Add($"as:{node.Str("operator")}:{(context.IsStorage(node.Child("leftHandSide")) ? "state" : "local")}", line);
                break;
            case "UnaryOperation":
                sample.Add($"uo:{node.Str("operator")}:{(context.IsStorage(node.Child("subExpression")) ? "state" : "local")}", line);
                break;
            case "FunctionCall":
                if (AstPatterns.LowLevelKind(node) is { } kind)
                {
                    sample.Add("ll:" + kind, line);
                    sample.Add($"ll:{kind}:{(node.Parent?.NodeType == "ExpressionStatement" ? "unchecked" : "used")}", line);
                    if (AstPatterns.InCondition(node))
                    {
                        sample.Add($"ll:{kind}:in-condition", line);
                    }
                }
                else if (node.Child("expression") is { NodeType: "MemberAccess" } callee && callee.Child("expression")?.TypeString.StartsWith("contract ", StringComparison.Ordinal) == true)
                {
                    sample.Add("ext:call", line);
                }
                break;
            case "ForStatement" or "WhileStatement" or "DoWhileStatement":
                sample.Add("loop", line);
                break;
            case "VariableDeclaration":
                sample.Add("vd:" + (node.Str("storageLocation") ?? "default") + ":" + TypeClass(node.TypeString), line);
                break;
        }
    }

    /// <summary>Bigrams of statement kinds in source order: "call then state write" is the shape of reentrancy.</summary>
    private static void AddStatementOrder(ScanContext context, FunctionSample sample, AstNode function)
    {
        var statements = function.Descendants()
            .Where(n => n.NodeType is "ExpressionStatement" or "VariableDeclarationStatement" or "Return" or "EmitStatement" or "Throw")
            .Select(s => (Kind: StatementKind(context, s), Line: context.Line(s)))
            .ToList();
        for (var i = 0; i + 1 < statements.Count; i++)
        {
            sample.Add($"s2:{statements[i].Kind}>{statements[i + 1].Kind}", statements[i].Line);
        }
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Kind is "call" or "ext" && statements.Skip(i + 1).Any(s => s.Kind == "write"))
            {
                sample.Add($"s:{statements[i].Kind}-before-write", statements[i].Line);
            }
        }
    }

    private static string StatementKind(ScanContext context, AstNode statement)
    {
        var nodes = statement.DescendantsAndSelf().ToList();
        if (nodes.Any(n => AstPatterns.LowLevelKind(n) is "call" or "send" or "delegatecall" or "callcode" or "transfer"))
        {
            return "call";
        }
        if (nodes.Any(n => n.NodeType == "FunctionCall" && n.Child("expression") is { NodeType: "MemberAccess" } m
            && m.Child("expression")?.TypeString.StartsWith("contract ", StringComparison.Ordinal) == true))
        {
            return "ext";
        }
        if (nodes.Any(n => AstPatterns.CalleeName(n) is "require" or "assert"))
        {
            return "check";
        }
        return nodes.Any(n => AstPatterns.WrittenState(context, n) is not null) ? "write" : statement.NodeType;
    }

    private static string Kind(AstNode? declaration, AstNode function) => declaration switch
    {
        null => "unknown",
        _ when declaration.Bool("stateVariable") => "state",
        _ when declaration.Parent?.Parent == function => "parameter",
        { NodeType: "VariableDeclaration" } => "local",
        { NodeType: var t } => t,
    };

    private static string TypeClass(string? type) => type switch
    {
        null or "" => "none",
        _ when type.StartsWith("address", StringComparison.Ordinal) => "address",
        _ when type.StartsWith("uint", StringComparison.Ordinal) => "uint",
        _ when type.StartsWith("int", StringComparison.Ordinal) => "int",
        _ when type.StartsWith("bool", StringComparison.Ordinal) => "bool",
        _ when type.StartsWith("bytes", StringComparison.Ordinal) => "bytes",
        _ when type.StartsWith("string", StringComparison.Ordinal) => "string",
        _ when type.StartsWith("mapping", StringComparison.Ordinal) => "mapping",
        _ when type.StartsWith("contract", StringComparison.Ordinal) => "contract",
        _ when type.StartsWith("struct", StringComparison.Ordinal) => "struct",
        _ when type.StartsWith("function", StringComparison.Ordinal) => "function",
        _ when type.StartsWith("literal_string", StringComparison.Ordinal) => "string",
        _ when type.StartsWith("int_const", StringComparison.Ordinal) => "const",
        _ => "other",
    };
}
