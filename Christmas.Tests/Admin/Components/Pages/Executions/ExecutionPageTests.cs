using Bunit;
using Christmas.Admin.Components.Pages.Executions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Executions;

/// <summary>A webhook call's own page: replay after a confirmation, landing on the new call, linked both ways.</summary>
public sealed class ExecutionPageTests : AppComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _dialogs = Render<MudDialogProvider>();
    }

    private async Task<string> PostSignupAsync(string email)
    {
        var response = await App.PostWebhookAsync("signup-handler", Payloads.Signup(email));
        response.EnsureSuccessStatusCode();
        return (await TestApp.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task ClickReplayThenAsync(IRenderedComponent<ExecutionPage> cut, string button)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=execution-replay]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=execution-replay]").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("signup-handler", _dialogs.Find(".mud-dialog").TextContent));
        await cut.InvokeAsync(() => _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).Click());
    }

    [Fact]
    public async Task Replay_AfterConfirming_OpensTheNewCall_WhichSaysWhatItReplays_AndTheOriginalListsIt()
    {
        var original = await PostSignupAsync("page-replay@example.com");
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, original));

        await ClickReplayThenAsync(cut, "Replay");

        var replay = await Eventually.WaitAsync(() => App.WithDbAsync(db =>
            db.Executions.Where(e => e.OriginalId == original).Select(e => e.Id).SingleOrDefaultAsync()), id => id is not null,
            TimeSpan.FromSeconds(10), "the replay's execution");
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/executions/{replay}", navigation.Uri));
        var trigger = await App.WithDbAsync(db => db.Executions.Where(e => e.Id == replay).Select(e => e.Trigger).SingleAsync());
        Assert.Equal($"replay:{TestApp.AdminEmail}", trigger);

        var replayPage = Render<ExecutionPage>(p => p.Add(x => x.Id, replay!));
        replayPage.WaitForAssertion(() => Assert.Contains(original, replayPage.Find("[data-testid=execution-replay-of]").TextContent));
        var originalPage = Render<ExecutionPage>(p => p.Add(x => x.Id, original));
        originalPage.WaitForAssertion(() => Assert.Contains(replay!, originalPage.Find("[data-testid=execution-replays]").TextContent));
    }

    [Fact]
    public async Task Replay_Cancelled_StartsNothing()
    {
        var original = await PostSignupAsync("page-keep@example.com");
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, original));

        await ClickReplayThenAsync(cut, "Cancel");

        Assert.Equal(1, await App.WithDbAsync(db => db.Executions.CountAsync()));
        Assert.Empty(cut.FindAll("[data-testid=execution-replays]"));
    }

    [Fact]
    public void AnUnknownId_SaysSo()
    {
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, "doesnotexist"));

        cut.WaitForAssertion(() => Assert.Contains("doesnotexist", cut.Find("[data-testid=execution-not-found]").TextContent));
    }
}
