using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NutPortal.Core.Solidity;

/// <summary>Reads solc's standard-JSON output (every version from 0.4.x on) into a <see cref="SolidityCompilation"/>.</summary>
internal static partial class StandardJsonOutput
{
    public static SolidityCompilation Read(string output, SolcVersion version, IReadOnlyDictionary<string, string> sources)
    {
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var texts = sources.ToDictionary(s => s.Key, s => new SourceText(s.Value));
        var diagnostics = new List<SolidityDiagnostic>();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            diagnostics.AddRange(errors.EnumerateArray().Select(e => Diagnostic(e, texts)));
        }
        var asts = new Dictionary<string, string>();
        if (root.TryGetProperty("sources", out var sourceOutputs) && sourceOutputs.ValueKind == JsonValueKind.Object)
        {
            foreach (var source in sourceOutputs.EnumerateObject())
            {
                // 0.4.x names the legacy tree "legacyAST" and may also emit it as "ast".
                var ast = StandardJson.Path(source.Value, "ast");
                ast = ast.ValueKind == JsonValueKind.Object ? ast : StandardJson.Path(source.Value, "legacyAST");
                if (ast.ValueKind == JsonValueKind.Object)
                {
                    asts[source.Name] = ast.GetRawText();
                }
            }
        }
        var contracts = new List<CompiledContract>();
        if (root.TryGetProperty("contracts", out var files) && files.ValueKind == JsonValueKind.Object)
        {
            foreach (var file in files.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var contract in file.Value.EnumerateObject())
                {
                    var c = contract.Value;
                    var abi = StandardJson.Path(c, "abi");
                    contracts.Add(new CompiledContract(
                        file.Name,
                        contract.Name,
                        abi.ValueKind == JsonValueKind.Array ? abi.GetRawText() : "[]",
                        StandardJson.String(StandardJson.Path(c, "evm", "bytecode"), "object"),
                        StandardJson.String(StandardJson.Path(c, "evm", "deployedBytecode"), "object"),
                        StandardJson.String(StandardJson.Path(c, "evm", "bytecode"), "sourceMap"),
                        StandardJson.String(StandardJson.Path(c, "evm", "deployedBytecode"), "sourceMap"),
                        asts.GetValueOrDefault(file.Name),
                        MethodIdentifiers(StandardJson.Path(c, "evm", "methodIdentifiers"))));
                }
            }
        }
        return new SolidityCompilation(version, version.ToString(), contracts, diagnostics, asts);
    }

    private static Dictionary<string, string> MethodIdentifiers(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];

    private static SolidityDiagnostic Diagnostic(JsonElement error, Dictionary<string, SourceText> texts)
    {
        var formatted = StandardJson.String(error, "formattedMessage");
        var message = StandardJson.String(error, "message");
        var severity = StandardJson.String(error, "severity") switch
        {
            "warning" => DiagnosticSeverity.Warning,
            "info" => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Error,
        };
        var code = StandardJson.String(error, "errorCode");
        string? file = null;
        int? line = null, column = null, endLine = null, endColumn = null;
        var location = StandardJson.Path(error, "sourceLocation");
        if (location.ValueKind == JsonValueKind.Object
            && texts.TryGetValue(StandardJson.String(location, "file"), out var text)
            && location.TryGetProperty("start", out var start) && start.TryGetInt32(out var startOffset) && startOffset >= 0)
        {
            file = StandardJson.String(location, "file");
            (line, column) = text.Position(startOffset);
            if (location.TryGetProperty("end", out var end) && end.TryGetInt32(out var endOffset) && endOffset >= startOffset)
            {
                (endLine, endColumn) = text.Position(endOffset);
            }
        }
        else if (LegacyLocation().Match(formatted.Length > 0 ? formatted : message) is { Success: true } legacy
            && texts.ContainsKey(legacy.Groups[1].Value))
        {
            // Compilers before 0.4.11 only report "file:line:column:" inside the message text.
            file = legacy.Groups[1].Value;
            line = int.Parse(legacy.Groups[2].Value, CultureInfo.InvariantCulture);
            column = int.Parse(legacy.Groups[3].Value, CultureInfo.InvariantCulture);
            if (message.StartsWith(legacy.Value, StringComparison.Ordinal))
            {
                message = legacy.Groups[4].Value;
            }
        }
        if (message.Length == 0)
        {
            message = formatted.Trim();
        }
        return new SolidityDiagnostic(
            severity, StandardJson.String(error, "type"), code.Length == 0 ? null : code, message, formatted, file, line, column, endLine, endColumn);
    }

    [GeneratedRegex(@"^([^:\n]+):(\d+):(\d+):\s*(?:\w+:\s*)?([^\n]*)")]
    private static partial Regex LegacyLocation();
}
