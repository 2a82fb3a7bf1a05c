namespace Christmas.Core.Notion.Mapping;

/// <summary>The fields of the two mirrored databases, as DESIGN.md lists them.</summary>
public static class NotionFieldCatalog
{
    private static readonly string[] TitleType = ["title"];
    private static readonly string[] EmailTypes = ["email", "rich_text"];
    private static readonly string[] TextTypes = ["rich_text"];
    private static readonly string[] SelectTypes = ["select", "rich_text"];
    private static readonly string[] NumberTypes = ["number"];
    private static readonly string[] DateTypes = ["date"];
    public const int TrackerSteps = 5;

    public static IReadOnlyList<NotionField> Contacts { get; } =
    [
        new(NotionField.Title, "Name", TitleType, Required: true),
        new("Email", "Email", EmailTypes, Required: true),
        new("BusinessName", "Business Name", TextTypes),
        new("Segment", "Segment", SelectTypes),
        new("RedSystems", "Red Systems", NumberTypes),
        new("OrangeSystems", "Orange Systems", NumberTypes),
        new("YellowSystems", "Yellow Systems", NumberTypes),
        new("GreenSystems", "Green Systems", NumberTypes),
        new("WeakestSystem1", "Weakest System 1", TextTypes),
        new("WeakestSystem2", "Weakest System 2", TextTypes),
        new("RevenueLeak", "Revenue Leak", NumberTypes),
        new("Status", "Status", SelectTypes),
        new("LastEmailSent", "Last Email Sent", DateTypes),
    ];

    public static IReadOnlyList<NotionField> SequenceTracker { get; } =
    [
        new(NotionField.Title, "Name", TitleType, Required: true),
        new("Email", "Email", EmailTypes, Required: true),
        new("SequenceType", "Sequence Type", SelectTypes),
        new("Segment", "Segment", SelectTypes),
        new("StartedAt", "Started At", DateTypes),
        new("Status", "Status", SelectTypes),
        .. Enumerable.Range(1, TrackerSteps).SelectMany(StepFields),
    ];

    /// <summary>The four columns the old tracker had for each email N.</summary>
    private static IEnumerable<NotionField> StepFields(int n) =>
    [
        new($"Email{n}Sent", $"Email {n} Sent", DateTypes),
        new($"Email{n}Status", $"Email {n} Status", SelectTypes),
        new($"Email{n}ResendId", $"Email {n} Resend ID", TextTypes),
        new($"Email{n}SentBy", $"Email {n} Sent By", SelectTypes),
    ];
}
