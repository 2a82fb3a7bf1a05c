using Bunit;
using Christmas.Admin.Components.Pages.Contacts;
using Christmas.Tests.Fixtures.Components;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Contacts;

/// <summary>The contact page of an app without a Notion token says nothing about Notion.</summary>
public sealed class NotionContactPageTests : AppComponentTest
{
    [Fact]
    public async Task ContactPage_ShowsNoNotionBadge_WhenNotionIsNotConfigured()
    {
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(DateTimeOffset.UtcNow, "nora@example.com"))).EnsureSuccessStatusCode();

        var page = Render<ContactDetailPage>(p => p.Add(c => c.Email, "nora@example.com"));

        page.WaitForAssertion(() => Assert.Equal("Sarah", page.Find("[data-testid=contact-name]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=sequence]"));
        Assert.Empty(page.FindAll("[data-testid=notion-badge]"));
        Assert.DoesNotContain("Notion", page.Markup);
    }
}
