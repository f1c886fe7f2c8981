using System.Text.Json.Nodes;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.Gateway;

/// <summary>
/// One signed transaction at the gateway, after its signature and chain were checked: who sends it (the token's caller
/// and the recovered sender), what it does, and the JSON-RPC call as it will be relayed. A guard may take members of
/// its own out of <see cref="Call"/> (an identity proof, say) so the node never sees them.
/// </summary>
public sealed record TransactionSubmission(Network Network, NetworkGrant Grant, JsonObject Call, string RawTransaction, SignedTransactionFacts Facts)
{
    public Caller Caller => Grant.Caller;
}

/// <summary>A guard's answer: pass (<see cref="Pass"/>), or refuse with the rule and a reason that names the problem.</summary>
public sealed record GuardVerdict(string? Rule, string? Reason)
{
    public static readonly GuardVerdict Pass = new(null, null);

    public bool Passed => Rule is null;

    public static GuardVerdict Refuse(string rule, string reason) => new(rule, reason);
}

/// <summary>
/// A check the gateway applies to every signed transaction before any node sees it (identity answers, the network's
/// security policy…). Guards run in registration order; the first refusal stops the transaction and is stored with
/// its rule. Registered as singletons; each takes what it needs from the submission.
/// </summary>
public interface ITransactionGuard
{
    ValueTask<GuardVerdict> CheckAsync(TransactionSubmission submission, CancellationToken ct);
}
