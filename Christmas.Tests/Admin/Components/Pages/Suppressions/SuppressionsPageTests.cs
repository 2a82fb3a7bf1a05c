using Bunit;
using Christmas.Admin.Components.Pages.Suppressions;
using Christmas.Core.Accounts;
using Christmas.Core.Contacts;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Christmas.Tests.Admin.Components.Pages.Suppressions;

public sealed class SuppressionsPageTests : AppComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _dialogs = Render<MudDialogProvider>();
    }

    private static async Task TypeAsync(IRenderedComponent<SuppressionsPage> cut, string testId, string value)
    {
        var field = cut.FindComponents<MudTextField<string>>().Single(f => f.Markup.Contains($"data-testid=\"{testId}\""));
        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task AnAdmin_AddsAnAddressWithANote_ThenRemovesItAfterConfirming_BothAudited()
    {
        var cut = Render<SuppressionsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=suppression-empty]"));

        await TypeAsync(cut, "suppression-email", "Ann@Example.com");
        await TypeAsync(cut, "suppression-note", "asked by phone");
        await cut.InvokeAsync(() => cut.Find("[data-testid=suppression-add-button]").Click());

        cut.WaitForAssertion(() => Assert.Equal("ann@example.com", cut.Find("[data-testid=suppression-row-email]").TextContent));
        Assert.Contains("manual", cut.Find("[data-testid=suppression-table]").TextContent);
        Assert.Contains("console: " + Fixtures.TestApp.AdminEmail, cut.Find("[data-testid=suppression-table]").TextContent);

        await cut.InvokeAsync(() => cut.Find("[data-testid=suppression-remove]").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("ann@example.com", _dialogs.Find(".mud-dialog").TextContent));
        await cut.InvokeAsync(() => _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Remove").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=suppression-empty]"));
        var actions = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == "ann@example.com").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["suppression.add", "suppression.remove"], actions);
    }

    [Fact]
    public async Task AnInvalidAddress_IsRefusedUnderTheField()
    {
        var cut = Render<SuppressionsPage>();

        await TypeAsync(cut, "suppression-email", "not-an-email");
        await cut.InvokeAsync(() => cut.Find("[data-testid=suppression-add-button]").Click());

        cut.WaitForAssertion(() => Assert.Contains("must be a valid email address", cut.Markup));
        Assert.Equal(0, await App.WithDbAsync(db => db.Suppressions.CountAsync()));
    }

    [Fact]
    public async Task AMarketer_SeesTheList_ButCannotAddOrRemove()
    {
        await App.Services.GetRequiredService<SuppressionList>().AddAsync("bob@example.com", SuppressionReason.Bounced, "resend: email.bounced", null, CancellationToken.None);
        Authorization.SetRoles(ConsoleRoles.Marketer);

        var cut = Render<SuppressionsPage>();

        cut.WaitForAssertion(() => Assert.Equal("bob@example.com", cut.Find("[data-testid=suppression-row-email]").TextContent));
        Assert.Contains("bounced", cut.Find("[data-testid=suppression-table]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=suppression-add]"));
        Assert.Empty(cut.FindAll("[data-testid=suppression-remove]"));
    }
}
