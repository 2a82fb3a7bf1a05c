using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Notion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hooks = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Notion;

/// <summary>The way off the old system: its Contacts and Email Templates databases, in its own layout, brought across.</summary>
public sealed class NotionImportTests : IAsyncLifetime
{
    private NotionWorkspace _old = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _old = await NotionWorkspace.StartAsync(oldLayout: true);
        _app = await TestApp.StartAsync(settings: _old.Settings(extra: new Dictionary<string, string?>
        {
            ["Notion:Contacts:Properties:Email"] = "email",
            ["Notion:Contacts:Properties:BusinessName"] = "last_name",
        }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _old.DisposeAsync();
    }

    private async Task<JsonElement> ImportAsync(string what, bool dryRun)
    {
        var response = await _app.Api.PostAsync($"/api/notion/import/{what}?dryRun={(dryRun ? "true" : "false")}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.JsonAsync(response);
    }

    [Fact]
    public async Task Contacts_EveryPageIsRead_DuplicatesMerge_DryRunWritesNothing_AndASecondRunChangesNothing()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < 220; i++)
            _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact($"old{i}@example.com", $"First{i}", $"Business {i}"), start.AddMinutes(i));
        // The old flows never looked before creating: three pages for one person, the latest edit has the new name.
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("dup@example.com", "Dana", "Dana's Diner", "URGENT"), start);
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("DUP@example.com ", "Dana", ""), start.AddDays(1));
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("dup@example.com", "Danielle"), start.AddDays(2));
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("", "Nobody"), start);
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("not-an-email", "Broken"), start);
        var seeded = _old.ContactPages.Count;

        var dry = await ImportAsync("contacts", dryRun: true);
        Assert.Equal(225, dry.GetProperty("pages").GetInt32());
        Assert.Equal(221, dry.GetProperty("created").GetInt32());
        Assert.Equal(2, dry.GetProperty("skipped").GetArrayLength());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Contacts.CountAsync()));

        var run = await ImportAsync("contacts", dryRun: false);
        Assert.Equal((221, 0, 0), (run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32(), run.GetProperty("unchanged").GetInt32()));
        var merged = Assert.Single(run.GetProperty("merged").EnumerateArray());
        Assert.Equal("dup@example.com", merged.GetProperty("email").GetString());
        Assert.Equal(3, merged.GetProperty("pageIds").GetArrayLength());
        Assert.Contains(run.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString()!.Contains("not-an-email"));
        var dana = await _app.Api.GetFromJsonAsync<JsonElement>("/api/contacts/dup@example.com");
        Assert.Equal("Danielle", dana.GetProperty("firstName").GetString());
        Assert.Equal("Dana's Diner", dana.GetProperty("businessName").GetString());
        Assert.Equal("URGENT", dana.GetProperty("segment").GetString());

        var changesBefore = await _app.WithDbAsync(db => db.Changes.CountAsync());
        var again = await ImportAsync("contacts", dryRun: false);
        Assert.Equal((0, 0, 221), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(changesBefore, await _app.WithDbAsync(db => db.Changes.CountAsync()));

        // A newer page for a known email (edited in Notion since): the import updates that contact, and only it.
        _old.Notion.AddPage(_old.ContactsDb, NotionWorkspace.OldContact("old3@example.com", "Theo", "Theo's Tiles"), DateTimeOffset.UtcNow.AddMinutes(1));
        seeded++;
        var later = await ImportAsync("contacts", dryRun: false);
        Assert.Equal((0, 1, 220), (later.GetProperty("created").GetInt32(), later.GetProperty("updated").GetInt32(), later.GetProperty("unchanged").GetInt32()));
        Assert.Equal("Theo's Tiles", (await _app.Api.GetFromJsonAsync<JsonElement>("/api/contacts/old3@example.com")).GetProperty("businessName").GetString());

        // The mirror writes our data back onto the pages it finds by email: not one page more.
        await NotionWorkspace.DrainedAsync(_app, TimeSpan.FromSeconds(60));
        Assert.Equal(seeded, _old.ContactPages.Count);
        Assert.Contains(await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "notion.import.contacts");
    }

    [Fact]
    public async Task Templates_AreTranslated_KeptAsHtml_ReplaceShippedVariants_AndAnUnknownVariableIsRefused()
    {
        var longHtml = "<p>Hi {{FirstName}},</p><p>Your weakest system is {{WeakestSystem1}}.</p>"
            + string.Concat(Enumerable.Repeat("<p>Small changes in the right place beat big efforts in the wrong one.</p>", 40))
            + "<p><a href=\"{{calendly_link}}\">Book your call</a> before {{deadline_date}}.</p>";
        _old.Notion.AddPage(_old.TemplatesDb!, NotionWorkspace.OldTemplate("5-Day E2", "{{FirstName}}, the costly mistake", longHtml));
        _old.Notion.AddPage(_old.TemplatesDb!, NotionWorkspace.OldTemplate("5-Day E3", "Case study", "<p>You lose {{TotalRevenueLeak_K}}K a year.</p>"));
        _old.Notion.AddPage(_old.TemplatesDb!, NotionWorkspace.OldTemplate("5-Day E1", "Your results", "<p>Hi {{first_name}}</p>"));
        _old.Notion.AddPage(_old.TemplatesDb!, NotionWorkspace.OldTemplate("noshow_recovery_email_1", "Did we miss each other?", "<p>Hi {{first_name}}, shall we find another time?</p>"));
        _old.Notion.AddPage(_old.TemplatesDb!, NotionWorkspace.OldTemplate("onboarding_phase1_email_2", "Checklist", "<p>Hi {{first_name}}</p>", status: "Inactive"));
        var store = _app.Services.GetRequiredService<TemplateStore>();
        await store.SaveAsync("assessment-2.urgent", "Our own urgent text", "Written by {{ first_name }}'s coach.", "marketer@example.com", CancellationToken.None);

        var dry = await ImportAsync("templates", dryRun: true);
        Assert.Equal(["assessment-2", "noshow-1"], dry.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("templateKey").GetString()).Order());
        Assert.Equal(1, (await store.CurrentAsync("assessment-2", CancellationToken.None))!.Version);

        var run = await ImportAsync("templates", dryRun: false);
        var imported = run.GetProperty("imported").EnumerateArray().ToDictionary(i => i.GetProperty("templateKey").GetString()!, i => i.GetProperty("version").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["assessment-2"] = 2, ["noshow-1"] = 2 }, imported);
        var skipped = run.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("reason").GetString()!);
        Assert.Contains("TotalRevenueLeak_K", skipped["5-Day E3"]);
        Assert.Contains("website", skipped["5-Day E1"]);
        Assert.Contains("Inactive", skipped["onboarding_phase1_email_2"]);
        var variants = run.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("templateKey").GetString()!, v => v.GetProperty("outcome").GetString()!);
        Assert.Equal("replaced", variants["assessment-2.critical"]);
        Assert.Equal("replaced", variants["assessment-2.optimize"]);
        Assert.StartsWith("kept", variants["assessment-2.urgent"]);

        var saved = (await store.CurrentAsync("assessment-2", CancellationToken.None))!;
        Assert.Equal("{{ first_name }}, the costly mistake", saved.Subject);
        Assert.Contains("<p>Your weakest system is {{ weakest_system_1 }}.</p>", saved.Body);
        Assert.Contains("before {{ deadline }}", saved.Body);
        Assert.True(saved.Body.Length > 2000);
        Assert.Equal("Our own urgent text", (await store.CurrentAsync("assessment-2.urgent", CancellationToken.None))!.Subject);
        Assert.Equal(saved.Body, (await store.CurrentAsync("assessment-2.critical", CancellationToken.None))!.Body);

        var again = await ImportAsync("templates", dryRun: false);
        Assert.Empty(again.GetProperty("imported").EnumerateArray());
        Assert.Contains("already the current text", again.GetProperty("skipped").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "5-Day E2").GetProperty("reason").GetString());
    }
}
