using Bunit;
using Christmas.Admin.Components.Layout;
using Christmas.Tests.Fixtures.Components;
using Christmas.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

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

    [Fact]
    public void APageLeftWhileItCalledTheBrowser_LogsNoError()
    {
        var log = new LogRecorder();
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([log]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        Render<ConsoleErrorBoundary>(p => p.AddChildContent<LeftPage>());
        Render<ConsoleErrorBoundary>(p => p.AddChildContent<FailingPage>());

        var error = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    /// <summary>A chart's measuring call as the tab goes away.</summary>
    private sealed class LeftPage : ComponentBase
    {
        protected override Task OnAfterRenderAsync(bool firstRender) =>
            firstRender ? Task.FromException(new JSDisconnectedException("the circuit has disconnected")) : Task.CompletedTask;
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("secret connection detail");
    }
}
