namespace Christmas.Tests.Fixtures.Components;

/// <summary>A bUnit test on a fresh app of its own (its own database), for pages whose lists and counts must start empty.</summary>
public abstract class AppComponentTest : ConsoleComponentTest
{
    protected TestApp App { get; private set; } = default!;
    /// <summary>Where confirmation dialogs appear, to click their buttons.</summary>
    protected Bunit.IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        UseAppServices(App);
        Dialogs = RenderMudProviders();
    }

    protected override async Task DisposeTestAsync() => await App.DisposeAsync();
}
