using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Turns decoded values into JSON-friendly form: integers as decimal strings (no precision loss in JavaScript),
/// addresses EIP-55 checksummed, bytes as 0x-hex, arrays and tuples as JSON arrays.
/// </summary>
public static class AbiValueFormatter
{
    public static JsonNode? ToJson(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is IndexedHash h)
        {
            return JsonValue.Create(Hex.Encode(h.Hash));
        }
        return type.Kind switch
        {
            AbiKind.UnsignedInteger or AbiKind.SignedInteger => JsonValue.Create(((BigInteger)value!).ToString(CultureInfo.InvariantCulture)),
            AbiKind.Address => JsonValue.Create(((Address)value!).ToString()),
            AbiKind.Bool => JsonValue.Create((bool)value!),
            AbiKind.FixedBytes or AbiKind.Bytes => JsonValue.Create(Hex.Encode((byte[])value!)),
            AbiKind.Text => JsonValue.Create((string)value!),
            AbiKind.Array => new JsonArray(AbiValues.ToList(value, type).Select(v => ToJson(type.Element!, v)).ToArray()),
            _ => new JsonArray(AbiValues.ToList(value, type).Select((v, i) => ToJson(type.Components[i].Type, v)).ToArray()),
        };
    }

    /// <summary>JSON as an object keyed by parameter names (index when unnamed), for display of a whole call/result.</summary>
    public static JsonObject ToJsonObject(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        var result = new JsonObject();
        for (var i = 0; i < parameters.Count; i++)
        {
            var key = string.IsNullOrEmpty(parameters[i].Name) || result.ContainsKey(parameters[i].Name) ? i.ToString(CultureInfo.InvariantCulture) : parameters[i].Name;
            result[key] = ToJson(parameters[i].Type, values[i]);
        }
        return result;
    }

    /// <summary>Short text for messages: scalars bare, strings quoted, composites as JSON.</summary>
    public static string ToText(AbiType type, object? value) => ToJson(type, value) switch
    {
        JsonValue v when type.Kind is not AbiKind.Text => v.ToString(),
        var node => node?.ToJsonString() ?? "null",
    };
}
