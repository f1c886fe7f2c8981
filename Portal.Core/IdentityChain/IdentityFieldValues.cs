using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NutPortal.Core.Networks;

namespace NutPortal.Core.IdentityChain;

/// <summary>The values a user fills in at registration, checked against the profile's fields, and their hash (what the registry stores).</summary>
public static class IdentityFieldValues
{
    public const int MaxValueLength = 500;

    public static IReadOnlyList<ProfileError> Validate(IdentityProfile profile, IReadOnlyDictionary<string, string>? values)
    {
        values ??= new Dictionary<string, string>();
        var errors = new List<ProfileError>();
        foreach (var name in values.Keys.Where(k => profile.Fields.All(f => f.Name != k)))
        {
            errors.Add(new($"fields.{name}", $"The profile has no field '{name}'."));
        }
        foreach (var field in profile.Fields)
        {
            var value = values.TryGetValue(field.Name, out var v) ? v : null;
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    errors.Add(new($"fields.{field.Name}", $"'{field.Name}' is required."));
                }
                continue;
            }
            var problem = value.Length > MaxValueLength ? $"at most {MaxValueLength} characters"
                : field.Type switch
                {
                    "number" when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => "a number",
                    "email" when !Regex.IsMatch(value, @"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.None, TimeSpan.FromMilliseconds(100)) => "an e-mail address",
                    "date" when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "a date (yyyy-MM-dd)",
                    _ => null,
                };
            if (problem is null && field.Pattern is { } pattern && !Matches(pattern, value))
            {
                problem = $"matching {pattern}";
            }
            if (problem is not null)
            {
                errors.Add(new($"fields.{field.Name}", $"'{field.Name}' must be {problem}."));
            }
        }
        return errors;
    }

    /// <summary>SHA-256 of the values as canonical JSON (the profile's field order, absent fields left out): what the registry keeps instead of the values.</summary>
    public static byte[] Hash(IdentityProfile profile, IReadOnlyDictionary<string, string>? values) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(profile, values)));

    public static string Canonical(IdentityProfile profile, IReadOnlyDictionary<string, string>? values)
    {
        var ordered = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in profile.Fields)
        {
            if (values is not null && values.TryGetValue(field.Name, out var v) && !string.IsNullOrEmpty(v))
            {
                ordered[field.Name] = v;
            }
        }
        return JsonSerializer.Serialize(ordered);
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
