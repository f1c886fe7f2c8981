using System.Text;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.SecurityPolicy;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>
/// A network's security policy: read it (anyone who sees the network), change it (the network's Operators; each change a
/// new version), encrypt a payload for a transaction (Developers), read a transaction's encrypted payloads (decrypted
/// only for the policy's readers, each read recorded), and the record of reads (Operators).
/// </summary>
internal static class SecurityPolicyEndpoints
{
    public const int MaxPlaintextBytes = 16 * 1024;

    public sealed record EncryptRequest(string? Text, string? Level);

    public sealed record DecryptRequest(string? TransactionHash);

    public static void MapSecurityPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/networks/{id}/policy").WithTags("Security policy");

        policy.MapGet("/", async (string id, SecurityPolicies policies, CancellationToken ct) =>
        {
            var versions = await policies.VersionsAsync(id, 1, ct);
            var current = versions.Count > 0 ? versions[0] : null;
            return Results.Ok(new
            {
                version = current?.Version ?? 0,
                changedBy = current?.ChangedBy,
                changedAt = current?.ChangedAt,
                policy = JsonDocument.Parse(current?.Document ?? SecurityPolicyJson.Write(new SecurityPolicyDocument())).RootElement,
                rules = SecurityPolicyRules.All,
            });
        }).WithSummary("The policy in force (version 0: none saved yet) and the rules its refusals carry");

        policy.MapPut("/", async (string id, JsonElement body, HttpContext http, SecurityPolicies policies, CancellationToken ct) =>
        {
            var (document, field, error) = SecurityPolicyJson.Read(body.GetRawText());
            if (document is null)
            {
                return FieldErrors.Single(field!, error!);
            }
            var result = await policies.SaveAsync(id, document, http.User.Identity?.Name ?? "unknown", ct);
            if (result.Saved is not { } saved)
            {
                var errors = new FieldErrors();
                foreach (var (f, messages) in result.Errors)
                {
                    messages.ForEach(m => errors.Add(f, m));
                }
                return errors.ToResult("The policy has invalid fields");
            }
            return Results.Ok(new { version = saved.Version, changedBy = saved.ChangedBy, changedAt = saved.ChangedAt });
        }).WithSummary("Save a new version of the policy (Operators of the network's organization); fields at fault are named");

        policy.MapGet("/versions", async (string id, int? limit, SecurityPolicies policies, CancellationToken ct) =>
            Results.Ok((await policies.VersionsAsync(id, limit ?? 50, ct)).Select(v => new
            {
                v.Version, v.ChangedBy, v.ChangedAt, policy = JsonDocument.Parse(v.Document).RootElement,
            }))).Needs(AccessRight.OperateAny).WithSummary("Every saved version, newest first: who changed the policy, when, to what");

        policy.MapPost("/encrypt", async (string id, EncryptRequest request, PolicyEnforcer enforcer, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.Text) || Encoding.UTF8.GetByteCount(request.Text) > MaxPlaintextBytes)
            {
                return FieldErrors.Single("text", $"The text to encrypt, 1 to {MaxPlaintextBytes} bytes (0x-hex is encrypted as the bytes it spells).");
            }
            var level = SecurityLevel.Confidential;
            if (request.Level is not null && (!Enum.TryParse(request.Level, ignoreCase: true, out level) || level is not (SecurityLevel.Confidential or SecurityLevel.Secret)))
            {
                return FieldErrors.Single("level", "confidential (the network's data key) or secret (also sealed to the policy's recipients).");
            }
            var bytes = request.Text.StartsWith("0x", StringComparison.Ordinal) && Hex.TryDecode(request.Text, out var raw) ? raw : Encoding.UTF8.GetBytes(request.Text);
            var marker = await enforcer.EncryptAsync(id, bytes, level, ct);
            return Results.Ok(new { marker = marker.ToString(), level = level.ToString().ToLowerInvariant(), keyId = marker.KeyId });
        }).Needs(AccessRight.Develop).WithSummary("Encrypt a payload under the network's key: the marker to send in place of the plaintext argument");

        policy.MapPost("/decrypt", async (string id, DecryptRequest request, HttpContext http, PayloadReader reader, CancellationToken ct) =>
        {
            if (request.TransactionHash is not { } hash || !Hex.IsHex(hash) || hash.Length != 66)
            {
                return FieldErrors.Single("transactionHash", "A transaction hash: 0x and 64 hex digits.");
            }
            var views = await reader.ReadAsync(http.Grant(), hash, decrypt: true, ct);
            return views is null
                ? FieldErrors.Single("transactionHash", "No indexed transaction on this network has this hash.")
                : Results.Ok(views.Select(v => new { level = v.Level.ToString().ToLowerInvariant(), mayRead = v.MayRead, plaintext = v.Plaintext }));
        }).Needs(AccessRight.View).WithSummary("A transaction's encrypted payloads: plaintext for the policy's readers (each read recorded), the level for everyone else");

        policy.MapGet("/decryptions", async (string id, int? limit, PayloadReader reader, CancellationToken ct) =>
            Results.Ok(await reader.DecryptionsAsync(id, limit ?? 100, ct)))
            .Needs(AccessRight.OperateAny).WithSummary("Who read which transaction's encrypted payload, when (Operators)");
    }
}
