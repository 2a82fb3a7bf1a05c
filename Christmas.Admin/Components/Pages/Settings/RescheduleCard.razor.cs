using Christmas.Admin.Security;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings;

/// <summary>Runs <see cref="SequenceOperations.ReschedulePendingAsync"/> with a progress bar; it works in batches, so progress is real.</summary>
public partial class RescheduleCard : IDisposable
{
    [Inject] private SequenceOperations Operations { get; set; } = default!;
    [Inject] private TestingModeStore Mode { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private readonly CancellationTokenSource _leaving = new();
    private string ModeName { get; set; } = "";
    private int Waiting { get; set; }
    private int Total { get; set; }
    private int Done { get; set; }
    private int? Moved { get; set; }
    private bool Running { get; set; }
    private double Percent => Total == 0 ? 100 : Math.Min(100, 100.0 * Done / Total);

    protected override async Task OnInitializedAsync()
    {
        Mode.Changed += OnModeChanged;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        ModeName = await Mode.IsEnabledAsync(_leaving.Token) ? "testing" : "production";
        Waiting = await Operations.CountReschedulableAsync(_leaving.Token);
    }

    private void OnModeChanged(bool enabled) => _ = InvokeAsync(async () =>
    {
        await RefreshAsync();
        StateHasChanged();
    });

    private async Task RescheduleAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Reschedule pending steps?",
            $"{Waiting} scheduled email(s) will move to {ModeName} timing.", yesText: "Reschedule", cancelText: "Cancel");
        if (confirmed != true) return;
        (Running, Done, Moved, Total) = (true, 0, null, Waiting);
        var progress = new Progress<int>(moved => _ = InvokeAsync(() =>
        {
            Done = moved;
            StateHasChanged();
        }));
        Moved = await Operations.ReschedulePendingAsync(progress, (await Auth).User.ActorName(), _leaving.Token);
        Done = Total = Math.Max(Total, Moved.Value);
        Running = false;
        await RefreshAsync();
        Snackbar.Add($"Moved {Moved} step(s) to {ModeName} timing.", Severity.Success);
    }

    public void Dispose()
    {
        Mode.Changed -= OnModeChanged;
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
