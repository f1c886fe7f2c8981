using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Gateway;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// Applies a network's policy to a transaction: at the gateway to signed transactions (access rights, then the PII
/// check: reject, or take only ciphertext), and in the portal's own signer before it signs (reject, or replace the
/// arguments that carry personal data by their encrypted marker when the contract's ABI is known).
/// </summary>
public sealed class PolicyEnforcer(SecurityPolicies policies, PolicyAbis abis, NetworkDataKeys keys)
{
    public async Task<GuardVerdict> CheckAsync(TransactionSubmission submission, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(submission.Network.Id, ct);
        if (policy.Version == 0)
        {
            return GuardVerdict.Pass;
        }
        var facts = submission.Facts;
        var data = Hex.Decode(facts.Data);
        if (Access(policy, facts.To, data, submission.Grant) is { Passed: false } denied)
        {
            return denied;
        }
        if (policy.PiiAction == PiiAction.Off)
        {
            return GuardVerdict.Pass;
        }
        var function = await abis.FunctionAsync(submission.Network.Id, facts.To, data, ct);
        (string Kind, CalldataTextPiece Piece)? found;
        try
        {
            found = policy.FindPii(CalldataText.Extract(data, function));
        }
        catch (RegexMatchTimeoutException)
        {
            return GuardVerdict.Refuse(SecurityPolicyRules.PiiCheckTimeout,
                $"A pattern of the security policy did not finish within {PiiDetector.MatchTimeout.TotalMilliseconds} ms on this calldata; the transaction is refused rather than relayed unchecked.");
        }
        if (found is not { } pii)
        {
            return LevelOfMarkers(policy, submission, data);
        }
        var what = $"{SecurityPolicyRules.Describe(pii.Kind)} in {pii.Piece.Where}";
        return policy.PiiAction == PiiAction.Reject
            ? GuardVerdict.Refuse(SecurityPolicyRules.PiiRejected, $"The calldata carries {what}; this network's security policy (version {policy.Version}) rejects personal data.")
            : GuardVerdict.Refuse(SecurityPolicyRules.PiiNotEncrypted,
                $"The calldata carries {what} unencrypted; this network's security policy (version {policy.Version}) takes personal data only encrypted. "
                + $"Encrypt the argument first (POST /api/v1/networks/{submission.Network.Id}/policy/encrypt with {{\"text\": …}}), put the returned marker in its place, sign and send again.");
    }

    /// <summary>The policy's access rules for a call the portal signs for a user (<see cref="UserTransactionGuard"/>): the same check as at the gateway.</summary>
    public async Task<GuardVerdict> AccessAsync(string networkId, string? to, byte[] data, NetworkGrant grant, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(networkId, ct);
        return policy.Version == 0 ? GuardVerdict.Pass : Access(policy, to, data, grant);
    }

    /// <summary>The access rules against a call by the grant's caller, with the network's organizations as the candidates.</summary>
    private static GuardVerdict Access(CompiledPolicy policy, string? to, byte[] data, NetworkGrant grant) =>
        policy.DeniedBy(to, data, grant.Caller, [grant.OrganizationId, .. grant.MemberOrganizationIds]) is { } rules
            ? GuardVerdict.Refuse(SecurityPolicyRules.AccessDenied,
                $"The security policy's access rule {string.Join(", ", rules.Take(5).Select(r => $"'{r}'"))}{(rules.Count > 5 ? $" (and {rules.Count - 5} more)" : "")} covers this call ({CallOf(to, data)}) and admits none of your organizations and roles.")
            : GuardVerdict.Pass;

    /// <summary>Under "encrypt", a call the policy classifies secret carries its payloads sealed at the secret level, not merely confidential.</summary>
    private static GuardVerdict LevelOfMarkers(CompiledPolicy policy, TransactionSubmission submission, byte[] data)
    {
        if (policy.PiiAction != PiiAction.Encrypt || policy.LevelOf(submission.Facts.To, data, submission.Grant.CallerOrganizations) != SecurityLevel.Secret
            || !EncryptedMarker.FindIn(data).Any(m => m.Level < SecurityLevel.Secret))
        {
            return GuardVerdict.Pass;
        }
        return GuardVerdict.Refuse(SecurityPolicyRules.PiiNotEncrypted,
            $"The security policy (version {policy.Version}) classifies this call secret, and it carries a payload encrypted only as confidential; "
            + $"encrypt it with \"level\": \"secret\" (POST /api/v1/networks/{submission.Network.Id}/policy/encrypt), which also seals it to the policy's recipients.");
    }

    /// <summary>
    /// The calldata the portal may sign for <paramref name="to"/>: as given, or with the arguments that carry personal data
    /// replaced by their encrypted marker (policy "encrypt", ABI known). Throws <see cref="ContractFailureException"/>
    /// (invalid input, naming the argument) when the policy rejects it. <paramref name="senderOrganizations"/> are the acting
    /// user's organizations on the network (the level rules by sender organization); none for the portal's own sends.
    /// </summary>
    public async Task<byte[]> PrepareAsync(string networkId, string? to, byte[] data, IReadOnlyList<string> senderOrganizations, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(networkId, ct);
        if (policy.PiiAction == PiiAction.Off)
        {
            return data;
        }
        var function = await abis.FunctionAsync(networkId, to, data, ct);
        var found = Find(policy, data, function);
        if (found is not { } pii)
        {
            return data;
        }
        var what = $"{SecurityPolicyRules.Describe(pii.Kind)} in {pii.Piece.Where}";
        if (policy.PiiAction == PiiAction.Reject)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "arguments",
                $"The call carries {what}; this network's security policy rejects personal data ({SecurityPolicyRules.PiiRejected}).", pii.Piece.ArgumentIndex);
        }
        if (function is null)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "arguments",
                $"The call carries {what}, the policy takes it only encrypted, and the contract's ABI is unknown to the portal, so it cannot tell which argument to encrypt ({SecurityPolicyRules.PiiNotEncrypted}).");
        }
        var level = (SecurityLevel)Math.Max((int)SecurityLevel.Confidential, (int)policy.LevelOf(to, data, senderOrganizations));
        var values = function.DecodeCall(data).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var piece = values[i] switch
            {
                string s => new CalldataTextPiece(s, "", i),
                byte[] b => new CalldataTextPiece(Encoding.UTF8.GetString(b), "", i),
                _ => null,
            };
            if (piece is not null && !EncryptedMarker.IsMarker(piece.Text) && policy.FindPii(CalldataText.Variants(piece)) is not null)
            {
                var marker = (await EncryptAsync(networkId, policy, values[i] is byte[] raw ? raw : Encoding.UTF8.GetBytes((string)values[i]!), level, ct)).ToString();
                values[i] = values[i] is string ? marker : Encoding.ASCII.GetBytes(marker);
            }
        }
        var encrypted = function.EncodeCall(values);
        if (Find(policy, encrypted, function) is { } left)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "arguments",
                $"The call carries {SecurityPolicyRules.Describe(left.Kind)} in {left.Piece.Where}, where the portal cannot encrypt it (only whole string and bytes arguments are); the policy takes personal data only encrypted ({SecurityPolicyRules.PiiNotEncrypted}).");
        }
        return encrypted;
    }

    /// <summary>Encrypts a payload at a level under the network's key (and to the policy's recipients for secret).</summary>
    public async Task<EncryptedMarker> EncryptAsync(string networkId, byte[] plaintext, SecurityLevel level, CancellationToken ct) =>
        await EncryptAsync(networkId, await policies.CurrentAsync(networkId, ct), plaintext, level, ct);

    private async Task<EncryptedMarker> EncryptAsync(string networkId, CompiledPolicy policy, byte[] plaintext, SecurityLevel level, CancellationToken ct)
    {
        var (keyId, key) = await keys.CurrentAsync(networkId, ct);
        try
        {
            return PayloadCipher.Encrypt(level, keyId, key, plaintext, level == SecurityLevel.Secret ? policy.RecipientKeys : []);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static (string Kind, CalldataTextPiece Piece)? Find(CompiledPolicy policy, byte[] data, AbiFunction? function)
    {
        try
        {
            return policy.FindPii(CalldataText.Extract(data, function));
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "arguments",
                $"A pattern of the security policy did not finish within {PiiDetector.MatchTimeout.TotalMilliseconds} ms on this call ({SecurityPolicyRules.PiiCheckTimeout}).");
        }
    }

    private static string CallOf(string? to, byte[] data) =>
        $"{(to is null ? "a deployment" : "contract " + to)}{(data.Length >= 4 ? ", selector " + Hex.Encode(data.AsSpan(0, 4)) : "")}";
}
