namespace Christmas.Core.Campaign.Definition;

/// <summary>One webhook handler: its payload fields and the sequence it starts (null: it only records the contact).</summary>
/// <param name="Anchor">The timestamp field delays count from; null: the receive time.</param>
/// <param name="WebsiteStatusField">The field reporting the email the website sent itself (assessment #1's status); not in DESIGN's example, kept so revision 1 says all the catalog says.</param>
public sealed record HandlerSpec(
    string Name,
    string? Description,
    string? Starts,
    string? Anchor,
    IReadOnlyList<FieldSpec> Fields,
    string? WebsiteStatusField = null);
