using System.Text.Json;
using System.Text.RegularExpressions;
using NutPortal.Core.Networks;

namespace NutPortal.Core.IdentityChain;

/// <summary>Reads an identity-chain profile (JSON) and checks it; every error names its field as the JSON spells it.</summary>
public static class IdentityProfileReader
{
    public const int MaxNameLength = 64, MaxFields = 32, MaxPatternLength = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
    private static readonly string[] FieldTypes = ["string", "number", "email", "date"];

    public static (IdentityProfile? Profile, IReadOnlyList<ProfileError> Errors) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, [new("profile", "The profile is empty; upload a JSON object with name, addressPrefix, permissions, fields and signatureAlgorithm.")]);
        }
        IdentityProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<IdentityProfile>(text, Json);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "profile" : e.Path.TrimStart('$', '.');
            return (null, [new(field, $"Not a valid profile at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message.Split(". Path:")[0]}.")]);
        }
        if (profile is null)
        {
            return (null, [new("profile", "The profile is a JSON object, not null.")]);
        }
        var errors = Validate(profile);
        return (errors.Count == 0 ? profile : null, errors);
    }

    public static IReadOnlyList<ProfileError> Validate(IdentityProfile profile)
    {
        var errors = new List<ProfileError>();
        if (string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > MaxNameLength || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' '))
        {
            errors.Add(new("name", $"A name is 1 to {MaxNameLength} letters, digits, spaces, '-' or '_'."));
        }
        if (string.IsNullOrEmpty(profile.AddressPrefix) || profile.AddressPrefix.Length > 32 || !profile.AddressPrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is ':' or '-' or '_' or '.'))
        {
            errors.Add(new("addressPrefix", "The address prefix is 1 to 32 lower-case letters, digits, ':', '-', '_' or '.' (e.g. \"did:acme:\")."));
        }
        if (!IdentityCurves.All.Contains(profile.SignatureAlgorithm))
        {
            errors.Add(new("signatureAlgorithm", $"Unknown signature algorithm '{profile.SignatureAlgorithm}'. Allowed: {string.Join(", ", IdentityCurves.All)}."));
        }
        if (profile.Permissions is null || profile.Permissions.Count == 0)
        {
            errors.Add(new("permissions", $"Name at least one permission: {string.Join(", ", IdentityPermissions.All)}."));
        }
        else
        {
            for (var i = 0; i < profile.Permissions.Count; i++)
            {
                if (!IdentityPermissions.All.Contains(profile.Permissions[i]))
                {
                    errors.Add(new($"permissions[{i}]", $"Unknown permission '{profile.Permissions[i]}'. Allowed: {string.Join(", ", IdentityPermissions.All)}."));
                }
            }
            if (profile.Permissions.Distinct().Count() != profile.Permissions.Count)
            {
                errors.Add(new("permissions", "A permission is named twice."));
            }
        }
        ValidateFields(profile.Fields ?? [], errors);
        return errors;
    }

    private static void ValidateFields(IReadOnlyList<IdentityField> fields, List<ProfileError> errors)
    {
        if (fields.Count > MaxFields)
        {
            errors.Add(new("fields", $"At most {MaxFields} registration fields; got {fields.Count}."));
            return;
        }
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f is null || string.IsNullOrEmpty(f.Name) || f.Name.Length > 64 || !char.IsAsciiLetter(f.Name[0]) || !f.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors.Add(new($"fields[{i}].name", "A field name is 1 to 64 letters, digits, '_' or '-', starting with a letter."));
                continue;
            }
            if (fields.Take(i).Any(o => o?.Name == f.Name))
            {
                errors.Add(new($"fields[{i}].name", $"The field '{f.Name}' is named twice."));
            }
            if (!FieldTypes.Contains(f.Type))
            {
                errors.Add(new($"fields[{i}].type", $"Unknown field type '{f.Type}'. Allowed: {string.Join(", ", FieldTypes)}."));
            }
            if (f.Pattern is { } pattern && (pattern.Length > MaxPatternLength || !Compiles(pattern)))
            {
                errors.Add(new($"fields[{i}].pattern", $"The pattern is a regular expression of at most {MaxPatternLength} characters that .NET can compile."));
            }
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
