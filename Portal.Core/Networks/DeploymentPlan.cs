namespace NutPortal.Core.Networks;

/// <summary>The named steps every deployment goes through, in order.</summary>
public static class DeploymentPlan
{
    public const string Validate = "validate";
    public const string Allocate = "allocate";
    public const string StartNodes = "start nodes";
    public const string WaitForRpc = "wait for RPC";
    public const string FundAccounts = "fund accounts";
    public const string Verify = "verify chain id and block production";

    public static IReadOnlyList<string> Steps { get; } = [Validate, Allocate, StartNodes, WaitForRpc, FundAccounts, Verify];
}
