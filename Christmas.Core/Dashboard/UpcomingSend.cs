namespace Christmas.Core.Dashboard;

/// <summary>A scheduled step: <paramref name="NotBefore"/> is when it goes out (later than its due time after a failed attempt).</summary>
public sealed record UpcomingSend(long StepId, string ContactEmail, string TemplateKey, DateTime DueAt, DateTime NotBefore);
