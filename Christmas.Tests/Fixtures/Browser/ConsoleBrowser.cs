using Microsoft.Playwright;

namespace Christmas.Tests.Fixtures.Browser;

/// <summary>A browser context on one running app: signs in, waits for the live circuit, and saves screenshots.</summary>
public sealed class ConsoleBrowser(IBrowserContext context, IPage page, Uri baseAddress) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public static async Task<ConsoleBrowser> OpenAsync(BrowserFixture browser, TestApp app, int width = 1280, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return new ConsoleBrowser(context, await context.NewPageAsync(), app.BaseAddress);
    }

    /// <summary>Signs in on the login page and waits until the dashboard's circuit is interactive.</summary>
    public async Task SignInAsync(string email = TestApp.AdminEmail, string password = TestApp.AdminPassword)
    {
        await Page.GotoAsync("/account/login");
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-testid=sign-in]");
        await WaitForInteractiveAsync();
    }

    /// <summary>Opens a console page and waits for its live circuit (Blazor prerenders first; clicks before that are lost).</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(new Uri(baseAddress, path).ToString());
        await WaitForInteractiveAsync();
    }

    public Task WaitForInteractiveAsync() =>
        Page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/{name}.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        // Chromium's own favicon fetch can keep Playwright's "network idle" from ever firing on a page with
        // a sandboxed preview frame; a few quiet seconds are enough for a screenshot.
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
        }
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Screenshots.Directory, name + ".png"),
            FullPage = true,
            // Finishes CSS transitions (MudBlazor labels and buttons), so a page is shot as it settles, not mid-animation.
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
