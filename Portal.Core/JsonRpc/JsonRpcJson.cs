using System.Text.Json;
using System.Text.Json.Serialization;

namespace NutPortal.Core.JsonRpc;

/// <summary>Serializer settings shared by the JSON-RPC dialects.</summary>
public static class JsonRpcJson
{
    /// <summary>Plain JSON (Neo, Litecoin): camelCase, nulls omitted, numbers as numbers, nullability enforced.</summary>
    public static readonly JsonSerializerOptions Plain = Create();

    /// <summary>These settings with a dialect's converters (e.g. Ethereum's hex quantities) added.</summary>
    public static JsonSerializerOptions Create(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    internal static string Shorten(string? text) => text is null ? "null" : text.Length > 80 ? text[..80] + "…" : text;
}
