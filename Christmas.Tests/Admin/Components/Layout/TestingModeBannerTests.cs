using Bunit;
using Christmas.Admin.Components.Layout;
using Christmas.Core.Settings;
using Christmas.Tests.Fixtures.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Components.Layout;

public sealed class TestingModeBannerTests : AppComponentTest
{
    [Fact]
    public async Task Banner_AppearsAndDisappears_WhenTestingModeIsSwitchedElsewhere()
    {
        var store = App.Services.GetRequiredService<TestingModeStore>();
        var cut = Render<TestingModeBanner>();
        Assert.Empty(cut.FindAll("[data-testid=testing-mode-banner]"));

        await store.SetAsync(true, "test", CancellationToken.None);
        cut.WaitForAssertion(() => Assert.Contains("Testing mode is on", cut.Find("[data-testid=testing-mode-banner]").TextContent));

        await store.SetAsync(false, "test", CancellationToken.None);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=testing-mode-banner]")));
    }
}
