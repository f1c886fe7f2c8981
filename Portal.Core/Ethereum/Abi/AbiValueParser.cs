using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// Parses user input (form fields) into ABI values. Scalars take plain text: integers in decimal or 0x-hex
/// (optionally negative), "true"/"false", addresses, 0x-hex bytes, raw strings. Arrays and tuples take JSON
/// (tuples as arrays or objects keyed by component name). Errors are <see cref="AbiException"/> naming the problem.
/// </summary>
public static class AbiValueParser
{
    public static object? Parse(AbiType type, string input)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(input);
        if (type.Kind is AbiKind.Array or AbiKind.Tuple)
        {
            try
            {
                using var doc = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = AbiType.MaxDepth + 2 });
                return FromJson(type, doc.RootElement);
            }
            catch (JsonException e)
            {
                throw new AbiException($"{type} expects JSON: {e.Message}", e);
            }
        }
        return Scalar(type, type.Kind == AbiKind.Text ? input : input.Trim());
    }

    /// <summary>Converts a JSON value (numbers, strings, booleans, arrays, objects) into an ABI value.</summary>
    public static object? FromJson(AbiType type, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type.Kind)
        {
            case AbiKind.Array:
                var items = Expect(json, JsonValueKind.Array, type).EnumerateArray().Select(e => FromJson(type.Element!, e)).ToList();
                if (type.Length is { } k && items.Count != k)
                {
                    throw new AbiException($"{type} expects {k} elements, got {items.Count}.");
                }
                return items;
            case AbiKind.Tuple:
                if (json.ValueKind == JsonValueKind.Object)
                {
                    return type.Components.Select(c => json.TryGetProperty(c.Name, out var v)
                        ? FromJson(c.Type, v)
                        : throw new AbiException($"{type} is missing field '{c.Name}'.")).ToList();
                }
                var fields = Expect(json, JsonValueKind.Array, type).EnumerateArray().ToList();
                if (fields.Count != type.Components.Count)
                {
                    throw new AbiException($"{type} expects {type.Components.Count} fields, got {fields.Count}.");
                }
                return fields.Select((f, i) => FromJson(type.Components[i].Type, f)).ToList();
            case AbiKind.Bool when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return json.GetBoolean();
            case AbiKind.UnsignedInteger or AbiKind.SignedInteger when json.ValueKind == JsonValueKind.Number:
                return Scalar(type, json.GetRawText());
            default:
                return Scalar(type, Expect(json, JsonValueKind.String, type).GetString()!);
        }
    }

    private static object? Scalar(AbiType type, string text)
    {
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
            case AbiKind.SignedInteger:
                return AbiValues.ToInteger(type, ParseInteger(text, type));
            case AbiKind.Bool:
                return text.ToLowerInvariant() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new AbiException($"bool expects true or false, got '{text}'."),
                };
            case AbiKind.Address:
                return Address.TryParse(text, out var a) ? a : throw new AbiException($"'{text}' is not a valid address (40 hex digits, EIP-55 checksum if mixed case).");
            case AbiKind.FixedBytes:
            case AbiKind.Bytes:
                if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
                {
                    throw new AbiException($"{type} expects 0x-prefixed hex with an even number of digits, got '{text}'.");
                }
                return type.Kind == AbiKind.FixedBytes && bytes.Length != type.Size
                    ? throw new AbiException($"{type} expects exactly {type.Size} bytes, got {bytes.Length}.")
                    : bytes;
            default:
                return text;
        }
    }

    private static BigInteger ParseInteger(string text, AbiType type)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var value = BigInteger.Zero;
        var ok = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? body.Length is > 2 and <= 66 && Hex.IsHex(body) && BigInteger.TryParse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : body.Length is > 0 and <= 80 && body.All(char.IsAsciiDigit) && BigInteger.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok)
        {
            throw new AbiException($"{type} expects a decimal or 0x-hex integer, got '{text}'.");
        }
        return negative ? -value : value;
    }

    private static JsonElement Expect(JsonElement json, JsonValueKind kind, AbiType type) =>
        json.ValueKind == kind ? json : throw new AbiException($"{type} expects a JSON {kind.ToString().ToLowerInvariant()}, got {json.ValueKind.ToString().ToLowerInvariant()}.");
}
