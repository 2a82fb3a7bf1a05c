using MudBlazor;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>One colour per segment and status, so a chip means the same on the list, the detail and the timeline.</summary>
public static class ContactColors
{
    public static Color Segment(string? segment) => segment switch
    {
        "CRITICAL" => Color.Error,
        "URGENT" => Color.Warning,
        "OPTIMIZE" => Color.Success,
        _ => Color.Default,
    };

    public static Color ContactStatus(string status) => status switch
    {
        "active" => Color.Success,
        "bounced" => Color.Error,
        "complained" => Color.Warning,
        _ => Color.Default,
    };

    public static string SequenceStatusLabel(string status) => status == "skipped" ? "skipped: nothing sent" : status;

    public static Color SequenceStatus(string status) => status switch
    {
        "active" => Color.Info,
        "completed" => Color.Success,
        // Ended without sending anything: worth a look, never green.
        "skipped" => Color.Warning,
        _ => Color.Default,
    };

    public static Color StepStatus(string status) => status switch
    {
        "scheduled" => Color.Info,
        "sending" => Color.Primary,
        // Held after a restore: waits for an Admin, like a warning.
        "held" => Color.Warning,
        "sent" => Color.Success,
        "failed" => Color.Error,
        "skipped" => Color.Warning,
        _ => Color.Default,
    };

    public static Color NotionStatus(string status) => status switch
    {
        "synced" => Color.Success,
        "pending" => Color.Info,
        "error" => Color.Error,
        _ => Color.Default,
    };
}
