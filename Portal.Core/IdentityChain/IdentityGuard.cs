using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Gateway;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// On a network that requires identity (<see cref="NetworkIdentityRequirement"/>), a transaction passes only with an
/// answer in its JSON-RPC call, <c>"identity": {"challenge": "&lt;nonce&gt;", "signature": "0x…"}</c>, to a challenge
/// issued for this network, this transaction's hash and an identity of the required chain. The member is taken out of
/// the call before it is relayed, on every network.
/// </summary>
public sealed class IdentityGuard(IDbContextFactory<PortalDbContext> dbFactory, IdentityAnswers answers) : ITransactionGuard
{
    public const string Member = "identity";

    public async ValueTask<GuardVerdict> CheckAsync(TransactionSubmission submission, CancellationToken ct)
    {
        var answer = submission.Call[Member];
        submission.Call.Remove(Member);
        NetworkIdentityRequirement? requirement;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            requirement = await db.NetworkIdentityRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == submission.Network.Id, ct);
        }
        if (requirement is null)
        {
            return GuardVerdict.Pass;
        }
        if (answer is null)
        {
            return GuardVerdict.Refuse(IdentityRules.Required,
                $"This network relays transactions only with an identity answer: ask POST /api/v1/identity-chains/{requirement.IdentityChainId}/challenges for transaction {submission.Facts.Hash}, sign its message and send it as \"identity\": {{\"challenge\": …, \"signature\": …}} in the call.");
        }
        if (answer is not JsonObject o || Text(o["challenge"]) is not { } nonce || Text(o["signature"]) is not { } signature)
        {
            return GuardVerdict.Refuse(IdentityRules.Malformed, "\"identity\" is an object with string members \"challenge\" (the nonce) and \"signature\" (0x-hex).");
        }
        var verdict = await answers.CheckAsync(nonce, signature, ChallengePurpose.Transaction, IdentityPermissions.Transact, c =>
            c.IdentityChainId != requirement.IdentityChainId ? $"The challenge belongs to identity chain {c.IdentityChainId}; this network requires {requirement.IdentityChainId}."
            : c.NetworkId != submission.Network.Id ? $"The challenge was issued for network {c.NetworkId}, not {submission.Network.Id}."
            : !string.Equals(c.TransactionHash, submission.Facts.Hash, StringComparison.OrdinalIgnoreCase) ? $"The challenge was issued for transaction {c.TransactionHash}; this one is {submission.Facts.Hash}."
            : null, ct);
        return verdict.Rule is null ? GuardVerdict.Pass : GuardVerdict.Refuse(verdict.Rule, verdict.Reason!.Length > 900 ? verdict.Reason[..900] : verdict.Reason);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
