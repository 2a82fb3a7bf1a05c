namespace Christmas.Core.Webhooks;

/// <summary>A webhook body that passed validation, normalised, with what the warnings rules found.</summary>
public sealed record WebhookInput(
    HandlerDefinition Handler,
    string Email,
    DateTime ReceivedAt,
    DateTime AnchorAt,
    IReadOnlyDictionary<string, string?> Texts,
    IReadOnlyDictionary<string, int> Counts,
    decimal? Amount,
    IReadOnlyList<string> Warnings,
    bool SequenceBlocked,
    string PayloadJson)
{
    public string? Text(string name) => Texts.GetValueOrDefault(name);

    /// <summary>The status the website reported for the email it sent itself, if this handler has one.</summary>
    public string? WebsiteStatus => Handler.WebsiteStatusField is { } f ? Text(f) : null;

    /// <summary>The call carries the assessment's four system counts (they, the segment and the revenue leak are the contact's).</summary>
    public bool HasAssessment => IsAssessment(Counts);

    public static bool IsAssessment(IReadOnlyDictionary<string, int> counts) => AssessmentCounts.All(counts.ContainsKey);

    private static readonly string[] AssessmentCounts = ["red_systems", "orange_systems", "yellow_systems", "green_systems"];
}
