using Bunit;
using Christmas.Admin.Components.Layout;
using Christmas.Tests.Fixtures.Components;
using Microsoft.AspNetCore.Components;

namespace Christmas.Tests.Admin.Components.Layout;

public sealed class ConsoleErrorBoundaryTests : ConsoleComponentTest
{
    [Fact]
    public void AFailingPage_ShowsAFriendlyMessageWithAnErrorId_NeverTheExceptionText()
    {
        var page = Render<ConsoleErrorBoundary>(p => p.AddChildContent<FailingPage>());

        var alert = page.Find("[data-testid=page-error]");
        Assert.Matches("error id: [0-9a-f]{8}", alert.TextContent);
        Assert.DoesNotContain("secret connection detail", page.Markup);
        Assert.DoesNotContain("InvalidOperationException", page.Markup);
    }

    [Fact]
    public void AWorkingPage_IsShownAsItIs()
    {
        var page = Render<ConsoleErrorBoundary>(p => p.AddChildContent("<p id=\"fine\">All good</p>"));

        Assert.Equal("All good", page.Find("#fine").TextContent);
        Assert.Empty(page.FindAll("[data-testid=page-error]"));
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("secret connection detail");
    }
}
