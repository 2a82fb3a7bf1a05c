namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// The mirrored databases' layouts (property name to type), DESIGN.md's and the old system's. Standalone
/// (no app, no test framework), so bench/Christmas.Bench links it with the stand-in's files.
/// </summary>
public static class NotionLayouts
{
    public static readonly IReadOnlyDictionary<string, string> DesignContacts = new Dictionary<string, string>
    {
        ["Name"] = "title", ["Email"] = "email", ["Business Name"] = "rich_text", ["Segment"] = "select",
        ["Red Systems"] = "number", ["Orange Systems"] = "number", ["Yellow Systems"] = "number", ["Green Systems"] = "number",
        ["Weakest System 1"] = "rich_text", ["Weakest System 2"] = "rich_text", ["Revenue Leak"] = "number",
        ["Status"] = "select", ["Last Email Sent"] = "date",
    };

    public static readonly IReadOnlyDictionary<string, string> DesignTracker = new Dictionary<string, string>(
        new Dictionary<string, string>
        {
            ["Name"] = "title", ["Email"] = "email", ["Sequence Type"] = "select", ["Segment"] = "select",
            ["Started At"] = "date", ["Status"] = "select",
        }.Concat(Enumerable.Range(1, 5).SelectMany(n => new Dictionary<string, string>
        {
            [$"Email {n} Sent"] = "date", [$"Email {n} Status"] = "select", [$"Email {n} Resend ID"] = "rich_text", [$"Email {n} Sent By"] = "select",
        })));

    /// <summary>The old Kestra flows' Contacts database (reference/old-system.md): business name in <c>last_name</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> OldContacts = new Dictionary<string, string>
    {
        ["first_name"] = "title", ["email"] = "email", ["last_name"] = "rich_text", ["Christmas Campaign Status"] = "select",
        ["Segment"] = "select", ["Assessment Score"] = "number", ["Booking Status"] = "select",
    };

    public static readonly IReadOnlyDictionary<string, string> OldTemplates = new Dictionary<string, string>
    {
        ["Template Name"] = "title", ["Subject Line"] = "rich_text", ["Email Body HTML"] = "rich_text",
        ["Email Number"] = "number", ["Status"] = "select", ["Template Type"] = "select", ["Segment"] = "multi_select",
    };
}
