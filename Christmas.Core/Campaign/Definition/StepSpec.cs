namespace Christmas.Core.Campaign.Definition;

/// <summary>One email of a sequence: its template and when it goes out after the anchor, in production and in testing mode.</summary>
/// <param name="SentByWebsite">The website sends this email itself; we only record it.</param>
public sealed record StepSpec(int Number, string Template, TimeSpan Offset, TimeSpan TestingOffset, bool SentByWebsite = false);
