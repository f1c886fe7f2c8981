using Hangfire.States;
using Hangfire.Storage;

namespace NutPortal.Workers.Jobs;

/// <summary>Keeps finished jobs in Hangfire's history for <c>Portal:Workers:JobRetentionDays</c> (Hangfire's default is one day).</summary>
internal sealed class JobRetentionFilter(TimeSpan retention) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState.IsFinal)
        {
            context.JobExpirationTimeout = retention;
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
