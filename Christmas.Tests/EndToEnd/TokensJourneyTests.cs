using System.Net;
using System.Net.Http.Headers;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class TokensJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task AnAdmin_MakesAScopedToken_SeesItsSecretOnce_ThenRevokesIt()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=tokens-table]")).ToContainTextAsync("No tokens yet");

        await console.Page.ClickAsync("[data-testid=token-new]");
        await console.Page.Locator("[data-testid=token-name-field] input").FillAsync("crm-sync");
        await console.Page.Locator("[data-testid='token-scope-contacts:read'] input").CheckAsync();
        await console.Page.Locator("[data-testid='token-scope-contacts:write'] input").CheckAsync();
        await console.Page.ClickAsync("[data-testid=token-create]");

        var secretField = console.Page.Locator("[data-testid=token-secret]").Locator("xpath=descendant-or-self::input");
        await Assertions.Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^cct_"));
        await Assertions.Expect(console.Page.Locator("[data-testid=token-secret-warning]")).ToContainTextAsync("not shown again");
        await Assertions.Expect(console.Page.Locator("[data-testid=token-copy]")).ToBeVisibleAsync();
        var secret = await secretField.InputValueAsync();
        await console.ScreenshotAsync("72-token-secret");
        await console.Page.ClickAsync("[data-testid=token-done]");

        var row = console.Page.Locator("[data-testid=tokens-table] tbody tr", new() { HasText = "crm-sync" });
        await Assertions.Expect(row).ToContainTextAsync("contacts:read");
        await Assertions.Expect(row).ToContainTextAsync("contacts:write");
        await Assertions.Expect(row.Locator("[data-testid=token-state]")).ToHaveTextAsync("active");
        Assert.DoesNotContain(secret[4..], await console.Page.ContentAsync());
        await console.ScreenshotAsync("73-tokens");

        using var script = new HttpClient { BaseAddress = App.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/v1/executions")).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke crm-sync" }).ClickAsync();
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=token-state]")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/contacts")).StatusCode);

        var actions = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target.EndsWith("(crm-sync)")).Select(e => e.Action + " " + e.Actor).ToListAsync());
        Assert.Equal([$"token.create {TestApp.AdminEmail}", $"token.revoke {TestApp.AdminEmail}"], actions);
    }
}
