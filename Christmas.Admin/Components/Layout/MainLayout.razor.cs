namespace Christmas.Admin.Components.Layout;

public partial class MainLayout
{
    private ConsoleErrorBoundary? _errors;
    private bool DrawerOpen { get; set; } = true;

    /// <summary>Set once the circuit is live; browser tests wait for it before clicking.</summary>
    private bool Interactive { get; set; }

    protected override void OnParametersSet() => _errors?.Recover(); // a new page starts without the last page's error

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        Interactive = true;
        StateHasChanged();
    }
}
