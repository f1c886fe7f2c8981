using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>
/// Compares expected JSON with decoded ABI values. Both sides go through the ABI type (expected values are
/// parsed like call arguments, then both are formatted), so "1000" and 1000, or an address in any case, match.
/// </summary>
public static class Expectations
{
    /// <summary>The expected outputs of a function: one value for one output, an array or an object for several.</summary>
    public static JsonObject ExpectedOutputs(AbiFunction function, JsonElement expected, string field)
    {
        var outputs = function.Outputs;
        if (outputs.Count == 0)
        {
            throw Invalid(field, $"{function.Signature} returns nothing; remove expect.");
        }
        if (outputs.Count == 1 && !(expected.ValueKind == JsonValueKind.Array && outputs[0].Type.Kind != AbiKind.Array && expected.GetArrayLength() == 1))
        {
            return new JsonObject { [Key(outputs, 0)] = Normalise(outputs[0], expected, field) };
        }
        var result = new JsonObject();
        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in expected.EnumerateObject())
            {
                var i = IndexOf(outputs, property.Name) ?? throw Invalid(field, $"{function.Signature} has no output '{property.Name}'; outputs: {Names(outputs)}.");
                result[Key(outputs, i)] = Normalise(outputs[i], property.Value, field);
            }
            return result;
        }
        if (expected.ValueKind != JsonValueKind.Array || expected.GetArrayLength() != outputs.Count)
        {
            throw Invalid(field, $"{function.Signature} returns {outputs.Count} values ({Names(outputs)}): expect an array of {outputs.Count} or an object keyed by output name.");
        }
        var index = 0;
        foreach (var item in expected.EnumerateArray())
        {
            result[Key(outputs, index)] = Normalise(outputs[index], item, field);
            index++;
        }
        return result;
    }

    /// <summary>Null when every expected output matches; otherwise what differs.</summary>
    public static string? Mismatch(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> actual, JsonObject expected)
    {
        var differences = new List<string>();
        foreach (var (key, want) in expected)
        {
            var i = IndexOf(parameters, key)!.Value;
            var got = AbiValueFormatter.ToJson(parameters[i].Type, actual[i]);
            if (!JsonNode.DeepEquals(got, want))
            {
                differences.Add($"{Label(parameters, i)}: expected {Show(want)}, got {Show(got)}");
            }
        }
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    /// <summary>Expected event arguments, keyed by parameter name (or position).</summary>
    public static JsonObject ExpectedArguments(AbiEvent abiEvent, JsonElement? expected, string field)
    {
        var result = new JsonObject();
        if (expected is not { ValueKind: JsonValueKind.Object } args)
        {
            return result;
        }
        foreach (var property in args.EnumerateObject())
        {
            var i = IndexOf(abiEvent.Inputs, property.Name) ?? throw Invalid(field, $"Event {abiEvent.Signature} has no argument '{property.Name}'; arguments: {Names(abiEvent.Inputs)}.");
            result[Key(abiEvent.Inputs, i)] = Normalise(abiEvent.Inputs[i], property.Value, field);
        }
        return result;
    }

    public static string Show(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";

    private static JsonNode? Normalise(AbiParameter parameter, JsonElement value, string field)
    {
        try
        {
            return AbiValueFormatter.ToJson(parameter.Type, AbiValueParser.FromJson(parameter.Type, value));
        }
        catch (AbiException e)
        {
            throw Invalid(field, $"{(parameter.Name.Length > 0 ? parameter.Name : "value")} ({parameter.Type.CanonicalName}): {e.Message}");
        }
    }

    private static int? IndexOf(IReadOnlyList<AbiParameter> parameters, string key)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == key)
            {
                return i;
            }
        }
        return int.TryParse(key, out var n) && n >= 0 && n < parameters.Count ? n : null;
    }

    private static string Key(IReadOnlyList<AbiParameter> parameters, int i) =>
        parameters[i].Name.Length > 0 ? parameters[i].Name : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Label(IReadOnlyList<AbiParameter> parameters, int i) => parameters.Count == 1 && parameters[i].Name.Length == 0 ? "value" : Key(parameters, i);

    private static string Names(IReadOnlyList<AbiParameter> parameters) =>
        string.Join(", ", parameters.Select((p, i) => $"{(p.Name.Length > 0 ? p.Name : "#" + i)} {p.Type.CanonicalName}"));

    private static ContractFailureException Invalid(string field, string message) => new(ContractFailureKind.InvalidInput, field, message);
}
