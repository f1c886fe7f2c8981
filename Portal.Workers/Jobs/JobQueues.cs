namespace NutPortal.Workers.Jobs;

/// <summary>The Hangfire queues the portal's servers listen to. Names are lower case (Hangfire requires it).</summary>
public static class JobQueues
{
    /// <summary>Scans, test runs, deployments and maintenance, several at once.</summary>
    public const string Default = "default";

    /// <summary>Work that broadcasts transactions from the networks' funded accounts: one worker, so nonces never race.</summary>
    public const string Transactions = "transactions";
}
