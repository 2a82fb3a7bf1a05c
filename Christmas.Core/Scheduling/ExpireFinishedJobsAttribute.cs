using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Christmas.Core.Scheduling;

/// <summary>
/// Finished send jobs are only history (the steps table holds the outcome), so they leave
/// Hangfire's store after an hour instead of a day: its SQLite storage slows as it grows.
/// </summary>
public sealed class ExpireFinishedJobsAttribute : JobFilterAttribute, IApplyStateFilter
{
    public int Hours { get; set; } = 1;

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        context.JobExpirationTimeout = TimeSpan.FromHours(Hours);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
