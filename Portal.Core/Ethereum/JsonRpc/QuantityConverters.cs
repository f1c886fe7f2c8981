using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Reads hex quantities (and plain JSON integers, which some nodes send) as <see cref="BigInteger"/>; writes hex.</summary>
public sealed class BigIntegerQuantityConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return BigInteger.Parse(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), System.Globalization.CultureInfo.InvariantCulture);
        }
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Quantity.TryParse(text, out BigInteger value)
            ? value
            : throw new JsonException($"Expected a hex quantity, got {Describe(ref reader, text)}");
    }

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Quantity.Format(value));

    internal static string Describe(ref Utf8JsonReader reader, string? text) =>
        text is null ? reader.TokenType.ToString() : $"'{Quantity.Shorten(text)}'";
}

/// <summary>Reads hex quantities (or plain JSON integers) as <see cref="ulong"/>, failing on overflow; writes hex.</summary>
public sealed class UInt64QuantityConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetUInt64(out var number) ? number : throw new JsonException("Number does not fit 64 bits");
        }
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Quantity.TryParse(text, out ulong value)
            ? value
            : throw new JsonException($"Expected a 64-bit hex quantity, got {BigIntegerQuantityConverter.Describe(ref reader, text)}");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Quantity.Format(value));
}

/// <summary>Writes a <see cref="BlockParameter"/> as a tag or a hex number.</summary>
public sealed class BlockParameterConverter : JsonConverter<BlockParameter>
{
    public override BlockParameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BlockParameter.Parse(reader.GetString() ?? throw new JsonException("Expected a block tag or number"));

    public override void Write(Utf8JsonWriter writer, BlockParameter value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
