using System.Text;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ContactImportJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Csv = """
        E-mail,First name,Shop,Phone
        nora@bakery.example,Nora,Nora's Bakery,555-0101
        omar@garage.example,Omar,Omar's Garage,
        not-an-address,Pat,,
        """;

    [Fact]
    public async Task ImportingAFile_ShowsTheColumnsAndFirstRows_DryRunsThenImports_AndTheContactShowsWhereItCameFrom()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/contacts/import");

        await console.Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "leads.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await Assertions.Expect(console.Page.Locator("[data-testid=import-preview-row]")).ToHaveCountAsync(3);
        // "Shop" is no header we know: map it to the business by hand.
        await console.Page.Locator("[data-testid=import-map-select] .mud-input-control").Nth(2).ClickAsync();
        await console.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Business" }).First.ClickAsync();

        await console.Page.ClickAsync("[data-testid=import-dry-run]");
        await Assertions.Expect(console.Page.Locator("[data-testid=import-result]")).ToContainTextAsync("Dry run");
        await Assertions.Expect(console.Page.Locator("[data-testid=import-created]")).ToContainTextAsync("2 created");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await App.Api.GetAsync("/api/contacts/nora@bakery.example")).StatusCode);

        await console.Page.ClickAsync("[data-testid=import-start]");
        await Assertions.Expect(console.Page.Locator("[data-testid=import-result]")).ToContainTextAsync("Imported");
        await Assertions.Expect(console.Page.Locator("[data-testid=import-error-row]")).ToContainTextAsync("4E-mail");
        await Assertions.Expect(console.Page.Locator("[data-testid=import-progress]")).ToBeVisibleAsync();
        await console.ScreenshotAsync("97-contacts-import");

        var nora = await TestApp.JsonAsync(await App.Api.GetAsync("/api/contacts/nora@bakery.example"));
        Assert.Equal("Nora's Bakery", nora.GetProperty("businessName").GetString());
        Assert.Empty(nora.GetProperty("sequences").EnumerateArray());

        await console.GotoAsync("/contacts/nora@bakery.example");
        await Assertions.Expect(console.Page.Locator("[data-testid=consent-source]")).ToHaveTextAsync("import");
        await Assertions.Expect(console.Page.Locator("[data-testid=consent-file]")).ToContainTextAsync("leads.csv, row 2");
        await console.ScreenshotAsync("98-contact-consent");
    }
}
