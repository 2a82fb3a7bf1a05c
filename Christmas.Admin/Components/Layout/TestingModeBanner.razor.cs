using Christmas.Core.Settings;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Layout;

/// <summary>Shown on every page while testing mode is on; follows changes made anywhere (another user, the API).</summary>
public partial class TestingModeBanner
{
    [Inject] private TestingModeStore Store { get; set; } = default!;

    private bool Enabled { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Store.Changed += OnChanged;
        Enabled = await Store.IsEnabledAsync(CancellationToken.None);
    }

    private void OnChanged(bool enabled) => _ = InvokeAsync(() =>
    {
        Enabled = enabled;
        StateHasChanged();
    });

    public void Dispose() => Store.Changed -= OnChanged;
}
