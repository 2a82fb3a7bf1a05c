using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Christmas.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Christmas.Tests.Fixtures.Components;

/// <summary>
/// Base of bUnit tests of console components: MudBlazor services, loose JS interop, a signed-in Admin,
/// and optionally the real services of a running <see cref="TestApp"/> (its SQLite file) as fallback.
/// Disposed through IAsyncLifetime because MudBlazor's services only dispose asynchronously (MudBlazor#12403).
/// </summary>
public abstract class ConsoleComponentTest : BunitContext, IAsyncLifetime
{
    private AsyncServiceScope? _appScope;

    /// <summary>The signed-in user (an Admin unless a test changes it before rendering).</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected ConsoleComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The real clock for "in 3 h" beside times; a test that wants its own clock registers one after.
        Services.AddSingleton(TimeProvider.System);
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(TestApp.AdminEmail);
        Authorization.SetRoles(ConsoleRoles.Admin);
    }

    /// <summary>Resolves every service the component asks for and bUnit lacks from the app (real database, real stores).</summary>
    /// <remarks>Through a scope of the app: the renderer asks for scoped services (ComponentsActivitySource), which the root refuses.</remarks>
    protected void UseAppServices(TestApp app)
    {
        _appScope = app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(_appScope.Value.ServiceProvider);
    }

    /// <summary>Renders MudBlazor's popover provider, which menus, selects and dialogs need.</summary>
    /// <returns>The dialog provider, where confirmation dialogs appear (to click their buttons).</returns>
    protected IRenderedComponent<MudBlazor.MudDialogProvider> RenderMudProviders()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        return dialogs;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_appScope is { } scope) await scope.DisposeAsync();
        await DisposeTestAsync();
    }

    protected virtual Task DisposeTestAsync() => Task.CompletedTask;
}
