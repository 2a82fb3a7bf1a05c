using Christmas.Core.Common;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Templates;

/// <summary>Templates as the app keeps them: seeded defaults, versions with history, segment variants.</summary>
public class TemplateStoreTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TemplateStore Store => shared.App.Services.GetRequiredService<TemplateStore>();
    private static readonly string[] ScheduledKeys =
    [
        "assessment-2", "assessment-3", "assessment-4", "assessment-5", "noshow-1", "noshow-2", "noshow-3",
        "postcall-1", "postcall-2", "postcall-3", "onboarding-1", "onboarding-2", "onboarding-3",
    ];

    [Fact]
    public async Task EveryScheduledEmail_HasADefaultTemplateSeededAtStart_ThatValidates()
    {
        var renderer = shared.App.Services.GetRequiredService<TemplateRenderer>();
        foreach (var key in ScheduledKeys)
        {
            var template = await Store.ForStepAsync(key, null, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Equal(TemplateStore.DefaultAuthor, template.Author);
            Assert.Empty(await renderer.ValidateAsync(template.Subject, template.Body));
        }
    }

    [Theory]
    [InlineData("Critical")]
    [InlineData("Urgent")]
    [InlineData("Optimize")]
    public async Task AssessmentSteps_HaveAVariantPerSegment(string segment)
    {
        foreach (var n in new[] { 2, 3, 4, 5 })
        {
            var variant = await Store.ForStepAsync($"assessment-{n}", segment, CancellationToken.None);
            Assert.Equal($"assessment-{n}.{segment.ToLowerInvariant()}", variant!.Key);
        }
    }

    [Fact]
    public async Task AStepWithoutAVariantForTheSegment_FallsBackToTheBaseTemplate()
    {
        var template = await Store.ForStepAsync("noshow-1", "Critical", CancellationToken.None);
        Assert.Equal("noshow-1", template!.Key);
    }

    [Fact]
    public async Task Saving_AddsAVersion_KeepsTheHistory_AndRestoreBringsTheDefaultBack()
    {
        var key = "postcall-2";
        var saved = await Store.SaveAsync(key, "New subject for {{ first_name }}", "Hello {{ first_name }}", "ana@example.com", CancellationToken.None);
        Assert.Equal(OutcomeKind.Ok, saved.Kind);
        Assert.Equal("New subject for {{ first_name }}", (await Store.ForStepAsync(key, null, CancellationToken.None))!.Subject);

        var restored = await Store.RestoreDefaultAsync(key, "ana@example.com", CancellationToken.None);
        Assert.Equal(saved.Value!.Version + 1, restored.Value!.Version);
        var versions = await shared.App.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == key).OrderBy(t => t.Version).ToListAsync());
        Assert.Equal(versions[0].Subject, versions[^1].Subject);
        Assert.True(versions.Count >= 3);
    }

    [Fact]
    public async Task ATemplateThatDoesNotValidate_IsNotSaved()
    {
        var before = await shared.App.WithDbAsync(db => db.EmailTemplates.CountAsync(t => t.Key == "onboarding-3"));
        var outcome = await Store.SaveAsync("onboarding-3", "Hi", "Hi {{ frist_name }}", "ana@example.com", CancellationToken.None);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("frist_name", outcome.Error);
        Assert.Equal(before, await shared.App.WithDbAsync(db => db.EmailTemplates.CountAsync(t => t.Key == "onboarding-3")));
    }
}
