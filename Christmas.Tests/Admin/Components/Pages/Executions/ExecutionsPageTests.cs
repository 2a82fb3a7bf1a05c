using Bunit;
using Christmas.Admin.Components.Pages.Executions;
using Christmas.Tests.Fixtures.Components;
using MudBlazor;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Executions;

public sealed class ExecutionsPageTests : AppComponentTest
{
    [Fact]
    public async Task Executions_ListNewestFirst_AndFilterByFlow()
    {
        await PostAsync("signup-handler", Payloads.Signup("first@example.com"));
        await PostAsync("assessment-handler", Payloads.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), "second@example.com"));

        var cut = Render<ExecutionsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        Assert.Contains("assessment-handler", Rows(cut)[0].TextContent);
        Assert.Contains("second@example.com", Rows(cut)[0].TextContent);

        var flow = cut.FindComponents<MudSelect<string>>()[0];
        await cut.InvokeAsync(() => flow.Instance.ValueChanged.InvokeAsync("signup-handler"));

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("first@example.com", Rows(cut)[0].TextContent);
    }

    [Fact]
    public async Task OpeningACall_ShowsItsWarningsPayloadAndLog()
    {
        var body = Payloads.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), "odd@example.com");
        body["green_systems"] = 1;
        await PostAsync("assessment-handler", body);

        var cut = Render<ExecutionsPage>();
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        cut.ClickAt("[data-testid=execution-toggle]");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=execution-logs] td"), td => td.TextContent.Trim() == "WARN"));
        Assert.Contains("add up to 6, not 8", cut.Find("[data-testid=execution-warning]").TextContent);
        Assert.Contains("\"green_systems\": 1", cut.Find("[data-testid=execution-payload]").TextContent);
        Assert.Contains("Email #2 (assessment-2) scheduled", cut.Find("[data-testid=execution-logs]").TextContent);
        Assert.Equal("/contacts/odd%40example.com", cut.Find("[data-testid=execution-contact-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task ARefusedCall_IsListedAsFailed_WithItsStatusAndReason_AndTheStateFilterFindsIt()
    {
        await PostAsync("signup-handler", Payloads.Signup("fine@example.com"));
        var body = Payloads.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), "typo@example.com");
        body["red_systems"] = "2";
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await App.PostWebhookAsync("assessment-handler", body)).StatusCode);

        // The refusal is written off the request path: the page is opened once it is stored.
        await Fixtures.Eventually.WaitAsync(() => App.WithDbAsync(db => Task.FromResult(db.Executions.Count(e => e.HttpStatus != null))),
            n => n == 1, TimeSpan.FromSeconds(10), "the refused call stored");
        var cut = Render<ExecutionsPage>();
        var state = cut.FindComponents<MudSelect<string>>()[1];
        await cut.InvokeAsync(() => state.Instance.ValueChanged.InvokeAsync("FAILED"));

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("FAILED", Rows(cut)[0].TextContent);
        Assert.Equal("refused 400", cut.Find("[data-testid=execution-http-status]").TextContent.Trim());
        cut.ClickAt("[data-testid=execution-toggle]");
        cut.WaitForAssertion(() => Assert.Contains("red_systems", cut.Find("[data-testid=execution-refused]").TextContent));
        Assert.Contains("\"red_systems\": \"2\"", cut.Find("[data-testid=execution-payload]").TextContent);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<ExecutionsPage> cut) =>
        cut.FindAll("[data-testid=executions-table] tbody tr").Where(r => r.QuerySelector("[data-testid=execution-toggle]") is not null).ToList();

    private async Task PostAsync(string handler, object body) =>
        (await App.PostWebhookAsync(handler, body)).EnsureSuccessStatusCode();
}
