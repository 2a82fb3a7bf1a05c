using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task AnAnonymousVisitor_IsSentToSignIn_AndLandsOnTheDashboardAfterSigningIn()
    {
        await using var console = await OpenConsoleAsync();
        await console.Page.GotoAsync("/contacts");
        Assert.Contains("/account/login", console.Page.Url);
        await console.ScreenshotAsync("00-sign-in");

        await console.Page.FillAsync("#email", TestApp.AdminEmail);
        await console.Page.FillAsync("#password", TestApp.AdminPassword);
        await console.Page.ClickAsync("[data-testid=sign-in]");
        await console.WaitForInteractiveAsync();

        Assert.EndsWith("/contacts", console.Page.Url);
        await Assertions.Expect(console.Page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync(TestApp.AdminEmail);
    }

    [Fact]
    public async Task AWrongPassword_ShowsAnError_AndStaysSignedOut()
    {
        await using var console = await OpenConsoleAsync();
        await console.Page.GotoAsync("/account/login");
        await console.Page.FillAsync("#email", TestApp.AdminEmail);
        await console.Page.FillAsync("#password", "not-the-password");
        await console.Page.ClickAsync("[data-testid=sign-in]");

        await Assertions.Expect(console.Page.Locator("[data-testid=login-error]")).ToContainTextAsync("do not match");
        Assert.Contains("/account/login", console.Page.Url);
    }

    [Fact]
    public async Task AMarketer_CannotOpenSettings_NorSeeItInTheMenu()
    {
        await App.CreateUserAsync("marketer@test.local", "marketer-password-1", ConsoleRoles.Marketer);
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync("marketer@test.local", "marketer-password-1");

        var menu = console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);

        var response = await console.Page.GotoAsync("/settings");
        await Assertions.Expect(console.Page.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync();
        Assert.DoesNotContain("Testing mode", await console.Page.ContentAsync());
        Assert.NotNull(response);
    }

    [Fact]
    public async Task SigningIn_WorksWithTheKeyboardAlone()
    {
        await using var console = await OpenConsoleAsync();
        await console.Page.GotoAsync("/account/login");
        await console.Page.FocusAsync("#email");
        await console.Page.Keyboard.TypeAsync(TestApp.AdminEmail);
        await console.Page.Keyboard.PressAsync("Tab");
        await console.Page.Keyboard.TypeAsync(TestApp.AdminPassword);
        await console.Page.Keyboard.PressAsync("Enter");

        await console.WaitForInteractiveAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync(TestApp.AdminEmail);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.Page.ClickAsync("[data-testid=sign-out]");
        await console.Page.WaitForURLAsync("**/account/login");

        await console.Page.GotoAsync("/contacts");
        Assert.Contains("/account/login", console.Page.Url);
    }
}
