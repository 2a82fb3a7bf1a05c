using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Christmas.Admin.Components.Pages.Trigger;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Trigger;

/// <summary>The trigger form is judged by the webhook's own validator, and a valid form previews its schedule.</summary>
public sealed class TriggerPageTests(SharedApp shared) : ConsoleComponentTest, IClassFixture<SharedApp>
{
    public override Task InitializeAsync()
    {
        UseAppServices(shared.App);
        return Task.CompletedTask;
    }

    private IRenderedComponent<TriggerPage> RenderFor(string handler, string? email = null)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var query = new Dictionary<string, object?> { ["handler"] = handler, ["email"] = email };
        navigation.NavigateTo(navigation.GetUriWithQueryParameters("/trigger", query));
        return Render<TriggerPage>();
    }

    private static void Fill(IRenderedComponent<TriggerPage> cut, string field, string value) =>
        cut.InputAt($"[data-testid=field-{field}] input", value);

    private static IElement Field(IRenderedComponent<TriggerPage> cut, string field) => cut.Find($"[data-testid=field-{field}]");

    [Fact]
    public void Fields_AreLabelledInWords_NotWithTheirWebhookNames()
    {
        var cut = RenderFor("assessment-handler");

        Assert.Equal("First name *", Field(cut, "first_name").QuerySelector("label")!.TextContent.Trim());
        Assert.Equal("Business name *", Field(cut, "business_name").QuerySelector("label")!.TextContent.Trim());
        Assert.Equal("Email #1 sent at *", Field(cut, "email_1_sent_at").QuerySelector("label")!.TextContent.Trim());
        Assert.DoesNotContain(cut.FindAll("label"), label => label.TextContent.Contains('_'));
    }

    [Fact]
    public void Preview_ShowsEachMissingRequiredField_InlineWithTheValidatorsMessage()
    {
        var cut = RenderFor("postcall-maybe-handler");

        cut.ClickAt("[data-testid=preview-schedule]");

        Assert.Contains("email is required.", Field(cut, "email").TextContent);
        Assert.Contains("first_name is required.", Field(cut, "first_name").TextContent);
        Assert.Contains("business_name is required.", Field(cut, "business_name").TextContent);
        Assert.DoesNotContain("required", Field(cut, "interest_level").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=planned-step]"));
        Assert.Contains("3 field(s) need attention", cut.Find("[data-testid=trigger-invalid]").TextContent);
    }

    [Fact]
    public void Preview_ShowsAnEmailError_WhenTheEmailIsInvalid()
    {
        var cut = RenderFor("postcall-maybe-handler");
        Fill(cut, "email", "not-an-address");
        Fill(cut, "first_name", "Sarah");
        Fill(cut, "business_name", "Sarah's Salon");

        cut.ClickAt("[data-testid=preview-schedule]");

        Assert.Contains("email must be a valid email address.", Field(cut, "email").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=planned-step]"));
    }

    [Fact]
    public void Preview_ListsEveryPlannedEmail_WhenTheFormIsValid()
    {
        var cut = RenderFor("postcall-maybe-handler");
        Fill(cut, "email", $"trigger-{Guid.NewGuid():N}@example.com");
        Fill(cut, "first_name", "Sarah");
        Fill(cut, "business_name", "Sarah's Salon");

        cut.ClickAt("[data-testid=preview-schedule]");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=planned-step]").Count));
        var rows = cut.FindAll("[data-testid=planned-step]").Select(r => r.TextContent).ToList();
        Assert.Contains("postcall-1", rows[0]);
        Assert.Contains("postcall-3", rows[2]);
        Assert.All(rows, r => Assert.Contains("scheduled", r));
        Assert.Contains("new contact", cut.Find("[data-testid=schedule-preview]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-deduplicated]"));
    }

    [Fact]
    public async Task Preview_SaysDeduplicated_AndPrefillsNames_WhenTheContactHasThatSequence()
    {
        var email = $"dedupe-{Guid.NewGuid():N}@example.com";
        var onboarding = await shared.App.PostWebhookAsync("onboarding-handler", Christmas.Tests.Fixtures.Webhooks.Onboarding(DateTimeOffset.UtcNow, email));
        onboarding.EnsureSuccessStatusCode();

        var cut = RenderFor("onboarding-handler", email);
        Assert.Equal("Sarah", Field(cut, "first_name").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("Sarah's Salon", Field(cut, "business_name").QuerySelector("input")!.GetAttribute("value"));
        cut.ClickAt("[data-testid=preview-schedule]");

        cut.WaitForAssertion(() => Assert.Contains("already exists", cut.Find("[data-testid=preview-deduplicated]").TextContent));
        Assert.Contains("existing contact", cut.Find("[data-testid=schedule-preview]").TextContent);
    }
}
