using Bunit;
using Christmas.Admin.Components.Pages.Settings;
using Christmas.Core.Settings;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

public sealed class IntegrationCardTests : ConsoleComponentTest
{
    [Fact]
    public void AHeldSender_IsShownAsAWarning_NamingTheKeysToSet()
    {
        var status = new IntegrationStatus("Email provider", "Sending is held: set Email:From (Email:Provider is Smtp).", false, []);

        var cut = Render<IntegrationCard>(p => p.Add(c => c.Status, status));

        Assert.Contains("set Email:From", cut.Find("[data-testid=integration-warning]").TextContent);
    }

    [Fact]
    public void AReadySender_ShowsItsStateWithoutAWarning()
    {
        var status = new IntegrationStatus("Email provider", "Outbox: emails are stored here and never sent", true, []);

        var cut = Render<IntegrationCard>(p => p.Add(c => c.Status, status));

        Assert.Empty(cut.FindAll("[data-testid=integration-warning]"));
        Assert.Contains("Outbox", cut.Markup);
    }
}
