using Bunit;
using Christmas.Admin.Components.Pages.Simulator;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Components.Pages.Simulator;

/// <summary>The simulator page runs its example calls through the real simulator and shows the calendar, the subjects and the skips.</summary>
public sealed class SimulatorPageTests(SharedApp shared) : ConsoleComponentTest, IClassFixture<SharedApp>
{
    public override Task InitializeAsync()
    {
        UseAppServices(shared.App);
        RenderMudProviders();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Simulate_ShowsTheCalendarTheSubjectsAndWhyTheNoShowEmailsStop_WritingNothing()
    {
        var cut = Render<SimulatorPage>();

        cut.ClickAt("[data-testid=sim-run]");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sim-send-subject]")), TimeSpan.FromSeconds(10));
        Assert.Equal(11, cut.FindAll("[data-testid=sim-day]").Count); // 10 days from now: 11 calendar dates
        var subjects = cut.FindAll("[data-testid=sim-send-subject]").Select(s => s.TextContent).ToList();
        Assert.Contains("Sarah, why the fires keep coming back", subjects);
        Assert.Contains("Welcome to BusOS, Sarah", subjects);
        Assert.DoesNotContain(subjects, s => s.Contains("{{"));
        Assert.Contains(cut.FindAll("[data-testid=sim-skip-reason]"), r => r.TextContent == "converted");
        Assert.Contains("sent", cut.Find("[data-testid=sim-sends-count]").TextContent);
        Assert.Equal(0, await shared.App.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email == "sarah@example.com")));
    }

    [Fact]
    public void Simulate_WithCallsThatAreNotJson_ShowsTheError_AndNoResult()
    {
        var cut = Render<SimulatorPage>();
        cut.ChangeAt("[data-testid=sim-calls] textarea", "[{\"handler\": ");

        cut.ClickAt("[data-testid=sim-run]");

        cut.WaitForAssertion(() => Assert.Contains("not valid JSON", cut.Find("[data-testid=sim-errors]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=sim-summary]"));
    }

    [Fact]
    public void Simulate_WithACallTheValidatorRefuses_NamesTheField()
    {
        var cut = Render<SimulatorPage>();
        cut.ChangeAt("[data-testid=sim-calls] textarea", """[{"handler": "noshow-recovery-handler", "email": "x@example.com"}]""");

        cut.ClickAt("[data-testid=sim-run]");

        cut.WaitForAssertion(() => Assert.Contains("contacts[0].first_name", cut.Find("[data-testid=sim-errors]").TextContent));
    }
}
