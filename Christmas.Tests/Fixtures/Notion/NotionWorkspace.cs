using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A Notion stand-in holding the two mirrored databases, in DESIGN.md's layout or the old system's
/// (<see cref="NotionLayouts"/>), and the settings that point an app at it (fast polling and short timeouts for tests).
/// </summary>
public sealed class NotionWorkspace : IAsyncDisposable
{
    private NotionWorkspace(NotionStandIn notion, string contacts, string tracker, string? templates)
    {
        Notion = notion;
        ContactsDb = contacts;
        TrackerDb = tracker;
        TemplatesDb = templates;
    }

    public NotionStandIn Notion { get; }
    public string ContactsDb { get; }
    public string TrackerDb { get; }
    public string? TemplatesDb { get; }

    public static async Task<NotionWorkspace> StartAsync(bool oldLayout = false, double standInBudget = 0)
    {
        var notion = await NotionStandIn.StartAsync(standInBudget);
        var contacts = notion.AddDatabase(oldLayout ? "BusinessX Canada" : "Contacts", oldLayout ? NotionLayouts.OldContacts : NotionLayouts.DesignContacts);
        var tracker = notion.AddDatabase("Sequence Tracker", NotionLayouts.DesignTracker);
        var templates = oldLayout ? notion.AddDatabase("Email Templates", NotionLayouts.OldTemplates) : null;
        return new NotionWorkspace(notion, contacts, tracker, templates);
    }

    /// <summary>App settings pointing at this workspace; <paramref name="extra"/> adds or overrides.</summary>
    public Dictionary<string, string?> Settings(double requestsPerSecond = 100, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notion:Token"] = NotionStandIn.Token,
            ["Notion:BaseUrl"] = Notion.BaseUrl,
            ["Notion:ContactsDatabaseId"] = ContactsDb,
            ["Notion:SequenceTrackerDatabaseId"] = TrackerDb,
            ["Notion:TemplatesDatabaseId"] = TemplatesDb,
            ["Notion:RequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notion:PollInterval"] = "00:00:00.050",
            ["Notion:RequestTimeout"] = "00:00:01",
            ["Notion:MaxBackoff"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public IReadOnlyList<StandInPage> ContactPages => Notion.Pages(ContactsDb);
    public IReadOnlyList<StandInPage> TrackerPages => Notion.Pages(TrackerDb);

    /// <summary>Waits until the app's mirror has nothing left to send.</summary>
    public static Task<JsonElement> DrainedAsync(TestApp app, TimeSpan? within = null) => Eventually.WaitAsync(
        async () => await app.Api.GetFromJsonAsync<JsonElement>("/api/notion/status"),
        s => s.GetProperty("backlog").GetInt32() == 0 && s.GetProperty("lastSyncAt").ValueKind != JsonValueKind.Null,
        within ?? TimeSpan.FromSeconds(20), "the Notion backlog to drain");

    /// <summary>A page of the old Contacts database, as the old flows wrote it.</summary>
    public static JsonObject OldContact(string email, string firstName, string? business = null, string? segment = null) => new()
    {
        ["first_name"] = new JsonObject { ["title"] = Text(firstName) },
        ["email"] = new JsonObject { ["email"] = email },
        ["last_name"] = new JsonObject { ["rich_text"] = Text(business ?? "") },
        ["Segment"] = new JsonObject { ["select"] = segment is null ? null : new JsonObject { ["name"] = segment } },
    };

    public static JsonObject OldTemplate(string name, string subject, string html, string status = "Active") => new()
    {
        ["Template Name"] = new JsonObject { ["title"] = Text(name) },
        ["Subject Line"] = new JsonObject { ["rich_text"] = Text(subject) },
        ["Email Body HTML"] = new JsonObject { ["rich_text"] = Christmas.Core.Notion.Client.NotionValues.TextItems(html) },
        ["Status"] = new JsonObject { ["select"] = new JsonObject { ["name"] = status } },
    };

    private static JsonArray Text(string text) =>
        text.Length == 0 ? [] : new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });

    public async ValueTask DisposeAsync() => await Notion.DisposeAsync();
}
