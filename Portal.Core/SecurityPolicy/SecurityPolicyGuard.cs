using NutPortal.Core.Gateway;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>The network's security policy at the gateway (ITU-T Y.3530 8.4.3-8.4.6): access rights, then personal data.</summary>
public sealed class SecurityPolicyGuard(PolicyEnforcer enforcer) : ITransactionGuard
{
    public ValueTask<GuardVerdict> CheckAsync(TransactionSubmission submission, CancellationToken ct) => new(enforcer.CheckAsync(submission, ct));
}
