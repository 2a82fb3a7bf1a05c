namespace Christmas.Core.Dashboard;

/// <summary>How many emails went out (or will go out) on one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, int Count);
