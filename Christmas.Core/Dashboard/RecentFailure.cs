namespace Christmas.Core.Dashboard;

/// <summary>A step that failed for good after its last attempt; re-sendable from the contact's page.</summary>
public sealed record RecentFailure(long StepId, string ContactEmail, string TemplateKey, int Attempts, string? Error, DateTime LastAttemptAt);
