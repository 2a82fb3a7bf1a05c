using Bunit;
using Christmas.Admin.Components.Pages.Audit;
using Christmas.Core.Audit;
using Christmas.Tests.Fixtures.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Christmas.Tests.Admin.Components.Pages.Audit;

public sealed class AuditPageTests : AppComponentTest
{
    [Fact]
    public async Task AuditLog_ListsActionsNewestFirst_AndSearches()
    {
        var audit = App.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync("mia@example.com", "sequence.cancel", "sequence 7", "customer asked", CancellationToken.None);
        await audit.RecordAsync("api-token", "step.resend", "step 12", null, CancellationToken.None);

        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-table] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=audit-table] tbody tr");
        Assert.Contains("step.resend", rows[0].TextContent);
        Assert.Contains("mia@example.com", rows[1].TextContent);
        Assert.Contains("customer asked", rows[1].TextContent);

        var search = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("cancel"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=audit-table] tbody tr")));
        Assert.Contains("sequence 7", cut.Find("[data-testid=audit-table] tbody tr").TextContent);
    }
}
