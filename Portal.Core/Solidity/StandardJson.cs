using System.Text.Json;
using System.Text.Json.Nodes;

namespace NutPortal.Core.Solidity;

/// <summary>Builds solc's standard-JSON input for a request.</summary>
internal static class StandardJson
{
    private static readonly string[] FullOutputs =
    [
        "abi", "evm.bytecode.object", "evm.bytecode.sourceMap", "evm.deployedBytecode.object", "evm.deployedBytecode.sourceMap",
        "evm.methodIdentifiers",
    ];

    public static string Input(SolidityCompileRequest request)
    {
        var sources = new JsonObject();
        foreach (var (name, content) in request.Sources)
        {
            sources[name] = new JsonObject { ["content"] = content };
        }
        // Analysis-only selections let solc 0.5+ skip code generation, the slow part of a compile.
        var perContract = request.DiagnosticsOnly ? new JsonArray("abi") : new JsonArray([.. FullOutputs.Select(o => JsonValue.Create(o))]);
        var settings = new JsonObject
        {
            ["optimizer"] = new JsonObject { ["enabled"] = request.Optimize, ["runs"] = request.OptimizerRuns },
            ["outputSelection"] = new JsonObject
            {
                ["*"] = new JsonObject
                {
                    ["*"] = perContract,
                    [""] = request.DiagnosticsOnly ? new JsonArray() : new JsonArray("ast"),
                },
            },
        };
        if (!string.IsNullOrWhiteSpace(request.EvmVersion))
        {
            settings["evmVersion"] = request.EvmVersion;
        }
        var input = new JsonObject { ["language"] = "Solidity", ["sources"] = sources, ["settings"] = settings };
        return input.ToJsonString();
    }

    public static string String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    public static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }
        return element;
    }
}
