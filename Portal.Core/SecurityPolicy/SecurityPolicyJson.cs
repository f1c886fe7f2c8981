using System.Text.Json;
using System.Text.Json.Serialization;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>How policies are read and written: camelCase, levels and actions as lower-case words, unknown fields refused (a typo is an error, not a silently ignored rule).</summary>
public static class SecurityPolicyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Reads a document, or answers the field at fault ("pii.action") and why.</summary>
    public static (SecurityPolicyDocument? Document, string? Field, string? Error) Read(string json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<SecurityPolicyDocument>(json, Options);
            return document is null ? (null, "policy", "Send the policy as a JSON object.") : (document, null, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "policy" : e.Path.TrimStart('$', '.');
            return (null, field, $"Not a valid policy here: {e.Message.Split(" Path:", 2)[0]} Levels are public, internal, confidential, secret; PII actions off, reject, encrypt.");
        }
    }

    public static string Write(SecurityPolicyDocument document) => JsonSerializer.Serialize(document, Options);
}
