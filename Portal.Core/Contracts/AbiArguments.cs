using System.Text.Json;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Contracts;

/// <summary>Turns a JSON array of arguments (strings, numbers, booleans, arrays) into ABI values.</summary>
public static class AbiArguments
{
    public static IReadOnlyList<object?> Parse(IReadOnlyList<AbiParameter> parameters, JsonElement? arguments, string field)
    {
        var items = arguments is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        if (arguments is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, field, "Arguments must be a JSON array.");
        }
        if (items.Count != parameters.Count)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, field,
                $"Expected {parameters.Count} argument(s) ({string.Join(", ", parameters.Select(p => $"{p.Type.CanonicalName} {p.Name}".Trim()))}), got {items.Count}.");
        }
        var values = new List<object?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var text = items[i].ValueKind == JsonValueKind.String ? items[i].GetString()! : items[i].GetRawText();
            values.Add(ParseOne(parameters[i], text, field, i));
        }
        return values;
    }

    public static object? ParseOne(AbiParameter parameter, string text, string field, int index)
    {
        try
        {
            return AbiValueParser.Parse(parameter.Type, text);
        }
        catch (AbiException e)
        {
            var name = string.IsNullOrEmpty(parameter.Name) ? $"#{index}" : parameter.Name;
            throw new ContractFailureException(ContractFailureKind.InvalidInput, field, $"Argument {name} ({parameter.Type.CanonicalName}): {e.Message}", index);
        }
    }
}
