using Christmas.Core.Common;
using Christmas.Core.Suppressions;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Templates;

/// <summary>The console's template actions: new versions, restores, test sends, all audited.</summary>
public class TemplateOperationsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TemplateOperations Operations => shared.App.Services.GetRequiredService<TemplateOperations>();
    private TemplateTestSender TestSender => shared.App.Services.GetRequiredService<TemplateTestSender>();

    [Fact]
    public async Task RestoreVersion_SavesTheOldTextAsANewVersion_AndAudits()
    {
        var original = (await shared.App.Services.GetRequiredService<TemplateLibrary>().HistoryAsync("postcall-3", CancellationToken.None)).First();
        var edited = await Operations.SaveAsync("postcall-3", "Edited {{ first_name }}", "Edited body", "marketer@test.local", CancellationToken.None);
        Assert.Equal(OutcomeKind.Ok, edited.Kind);

        var restored = await Operations.RestoreVersionAsync("postcall-3", original.Version, "marketer@test.local", CancellationToken.None);

        Assert.Equal(edited.Value!.Version + 1, restored.Value!.Version);
        Assert.Equal(original.Body, restored.Value.Body);
        Assert.Equal("marketer@test.local", restored.Value.Author);
        var actions = await shared.App.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "postcall-3").Select(a => a.Action).ToListAsync());
        Assert.Equal(["template.save", "template.restore"], actions);
    }

    [Fact]
    public async Task Save_RefusesAKeyNoStepSends()
    {
        var saved = await Operations.SaveAsync("nothing-9", "Hi", "Body", "admin", CancellationToken.None);

        Assert.Equal(OutcomeKind.NotFound, saved.Kind);
        Assert.False(await shared.App.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Key == "nothing-9")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("two@@example.com")]
    public async Task TestSend_RefusesAnInvalidAddress_AndSendsNothing(string to)
    {
        var sent = await TestSender.SendAsync("noshow-1", "Hi", "Body", to, null, "admin", CancellationToken.None);

        Assert.Equal(OutcomeKind.Conflict, sent.Kind);
        Assert.Contains("valid email address", sent.Error);
        Assert.False(await shared.App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey.StartsWith("test-") && m.To == to)));
    }

    [Fact]
    public async Task TestSend_ToASuppressedAddress_IsRefused_AndSendsNothing()
    {
        var to = $"unsubscribed-{Guid.NewGuid():N}@example.com";
        await shared.App.Services.GetRequiredService<SuppressionList>()
            .AddAsync(to, SuppressionReason.Unsubscribed, "test", null, CancellationToken.None);

        var sent = await TestSender.SendAsync("noshow-1", "Hi", "Body", to, null, "admin", CancellationToken.None);

        Assert.Null(sent.Value);
        Assert.Contains("suppression list", sent.Error);
        Assert.False(await shared.App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == to)));
    }

    [Fact]
    public async Task TestSend_ForAContact_RendersWithTheContactsData()
    {
        var email = $"test-send-{Guid.NewGuid():N}@example.com";
        var body = Christmas.Tests.Fixtures.Webhooks.Postcall(DateTimeOffset.UtcNow, email);
        body["first_name"] = "Priya";
        (await shared.App.PostWebhookAsync("postcall-maybe-handler", body)).EnsureSuccessStatusCode();

        var sent = await TestSender.SendAsync("postcall-1", "For {{ first_name }}", "Hello {{ first_name }} ({{ interest_level }})",
            "qa@example.com", email, "admin", CancellationToken.None);

        var message = await shared.App.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.MessageId == sent.Value));
        Assert.Equal("[TEST] For Priya", message.Subject);
        Assert.Contains("Hello Priya (medium)", message.Text);
        Assert.Equal("qa@example.com", message.To);
    }
}
