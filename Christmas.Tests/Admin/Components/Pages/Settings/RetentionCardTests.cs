using Bunit;
using Christmas.Admin.Components.Pages.Settings;
using Christmas.Core.Audit;
using Christmas.Core.Executions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>The Settings page's retention card: the settings, the database's size per table, and "Purge now" (audited under the Admin's name).</summary>
public sealed class RetentionCardTests : ConsoleComponentTest
{
    private TestApp _app = null!;

    public override async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Retention:Executions"] = "0" });

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheCard_ShowsSettingsAndSizes_AndPurgeNow_PurgesAndShowsTheRun()
    {
        var old = DateTime.UtcNow.AddDays(-400);
        await _app.WithDbAsync(async db =>
        {
            // Retention:Executions=0 keeps executions forever, however old.
            db.Executions.Add(new Execution(ExecutionIds.New(old), "assessment-handler", "webhook", old, "{\"email\":\"kept@example.com\"}", null));
            for (var i = 0; i < 3; i++) db.AuditEntries.Add(new AuditEntry { At = old, Actor = "someone", Action = "test.old", Target = $"thing {i}" });
            return await db.SaveChangesAsync();
        });
        UseAppServices(_app);
        var dialogs = RenderMudProviders();

        var card = Render<RetentionCard>();

        card.WaitForAssertion(() => Assert.StartsWith("Database (Sqlite): ", card.Find("[data-testid=database-size]").TextContent.Trim()));
        var settings = card.Find("[data-testid=retention-settings]").TextContent;
        Assert.Contains("execution payloads and logs forever", settings);
        Assert.Contains("Outbox bodies 30 days", settings);
        Assert.Contains("30 3 * * * (cron, UTC)", settings);
        Assert.Equal("No purge has run yet.", card.Find("[data-testid=retention-last-run]").TextContent.Trim());
        var tables = card.FindAll("[data-testid=database-tables] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(tables, r => r.StartsWith("AuditEntries") && r.EndsWith('3'));

        await card.InvokeAsync(() => card.Find("[data-testid=retention-purge]").Click());
        await card.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Purge").Click());

        card.WaitForAssertion(() => Assert.Contains($"by {TestApp.AdminEmail}: executions 0, outboxBodies 0, sendBatches 0, deliveryEvents 0, auditLog 3.",
            card.Find("[data-testid=retention-last-run]").TextContent), TimeSpan.FromSeconds(10));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(audit, a => a.Action == "test.old");
        Assert.Contains(audit, a => a.Action == "retention.purge" && a.Actor == TestApp.AdminEmail);
        Assert.Equal("{\"email\":\"kept@example.com\"}", await _app.WithDbAsync(db => db.Executions.Select(e => e.PayloadJson).SingleAsync()));
    }
}
