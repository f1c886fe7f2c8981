using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>
/// ABI encoding through Nethereum's <see cref="ParametersEncoder"/>. Values are checked and converted first (ranges,
/// sizes, counts, with our messages): BigInteger (or any .NET integer) for intN/uintN, Address (or address string),
/// bool, byte[] for bytes/bytesN, string, and any list (IEnumerable) for arrays and tuples.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of <paramref name="types"/> (function arguments, return data).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} values, got {values.Count}.");
        }
        var converted = types.Select((t, i) => Convert(t, values[i])).ToArray();
        try
        {
            return new ParametersEncoder().EncodeParameters([.. types.Select(ToNethereum)], converted!);
        }
        catch (Exception e) when (e is not AbiException)
        {
            throw new AbiException($"Cannot encode ({string.Join(",", types)}): {e.Message}", e);
        }
    }

    /// <summary>Encodes a single value of <paramref name="type"/> (as it appears in the tail when dynamic).</summary>
    public static byte[] EncodeValue(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var encoded = Encode([type], [value]);
        return type.IsDynamic ? encoded[32..] : encoded;
    }

    internal static Parameter ToNethereum(AbiType type, int index)
    {
        var parameter = new Parameter(NethereumName(type), $"p{index}", index + 1);
        SetComponents(parameter.ABIType, type);
        return parameter;
    }

    private static string NethereumName(AbiType type) => type.Kind switch
    {
        AbiKind.Tuple => "tuple",
        AbiKind.Array => $"{NethereumName(type.Element!)}[{type.Length}]",
        _ => type.CanonicalName,
    };

    private static void SetComponents(ABIType abi, AbiType type)
    {
        if (type.Kind == AbiKind.Tuple)
        {
            ((TupleType)abi).SetComponents([.. type.Components.Select((c, i) => ToNethereum(c.Type, i))]);
        }
        else if (type.Kind == AbiKind.Array)
        {
            SetComponents(((ArrayType)abi).ElementType, type.Element!);
        }
    }

    /// <summary>Checks a value against its type and converts it to what Nethereum's encoders take.</summary>
    private static object? Convert(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
            case AbiKind.SignedInteger:
                return AbiValues.ToInteger(type, value);
            case AbiKind.Address:
                return AbiValues.ToAddress(value).ToLowerHex();
            case AbiKind.Bool:
                return value is bool b ? b : throw new AbiException($"bool expects true or false, got {Describe(value)}.");
            case AbiKind.FixedBytes:
                var fixedBytes = AbiValues.ToBytes(value);
                return fixedBytes.Length == type.Size ? fixedBytes : throw new AbiException($"{type} expects exactly {type.Size} bytes, got {fixedBytes.Length}.");
            case AbiKind.Bytes:
                return AbiValues.ToBytes(value);
            case AbiKind.Text:
                return value as string ?? throw new AbiException($"string expects a string, got {Describe(value)}.");
            case AbiKind.Array:
                var items = AbiValues.ToList(value, type);
                if (type.Length is { } k && items.Count != k)
                {
                    throw new AbiException($"{type} expects {k} elements, got {items.Count}.");
                }
                return items.Select(item => Convert(type.Element!, item)).ToList();
            default:
                var fields = AbiValues.ToList(value, type);
                if (fields.Count != type.Components.Count)
                {
                    throw new AbiException($"{type} expects {type.Components.Count} fields, got {fields.Count}.");
                }
                return fields.Select((f, i) => Convert(type.Components[i].Type, f)).ToArray();
        }
    }

    internal static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
