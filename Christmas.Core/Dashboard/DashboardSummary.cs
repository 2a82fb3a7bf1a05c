namespace Christmas.Core.Dashboard;

/// <summary>Everything the dashboard shows, read in one go.</summary>
public sealed record DashboardSummary(
    int Contacts,
    int ActiveSequences,
    int SentToday,
    int FailedSteps,
    IReadOnlyList<DailyCount> SentPerDay,
    IReadOnlyList<DailyCount> ScheduledPerDay,
    IReadOnlyList<UpcomingSend> NextSends,
    IReadOnlyList<RecentFailure> RecentFailures);
