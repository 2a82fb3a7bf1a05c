using Christmas.Admin.Security;
using Christmas.Core.Backups;
using Christmas.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Held;

/// <summary>The steps a restore held, each or all released (sent as usual) or cancelled, after a confirmation; Admins only.</summary>
public partial class HeldPage
{
    private MudTable<HeldStepView>? _table;

    [Inject] private HeldSteps Held { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private int Total { get; set; }
    private bool Busy { get; set; }

    protected override async Task OnInitializedAsync() => Total = await Held.CountAsync(CancellationToken.None);

    private async Task<TableData<HeldStepView>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Held.PageAsync(new PageRequest(state.Page + 1, state.PageSize), ct);
        Total = page.Total;
        return new TableData<HeldStepView> { Items = page.Results, TotalItems = page.Total };
    }

    private Task ReleaseAsync(HeldStepView step) =>
        ActAsync("Release this email?", $"Email #{step.Step} to {step.Email} goes back to the queue and is sent as usual.", "Release",
            actor => Held.ReleaseAsync([step.Id], actor, CancellationToken.None), "released");

    private Task CancelAsync(HeldStepView step) =>
        ActAsync("Cancel this email?", $"Email #{step.Step} to {step.Email} will never be sent.", "Cancel email",
            actor => Held.CancelAsync([step.Id], actor, CancellationToken.None), "cancelled");

    private Task ReleaseAllAsync() =>
        ActAsync("Release every held email?", $"{Total} email(s) go back to the queue; those already due are sent at once.", "Release all",
            actor => Held.ReleaseAsync(null, actor, CancellationToken.None), "released");

    private Task CancelAllAsync() =>
        ActAsync("Cancel every held email?", $"{Total} email(s) will never be sent.", "Cancel all",
            actor => Held.CancelAsync(null, actor, CancellationToken.None), "cancelled");

    private async Task ActAsync(string title, string message, string yes, Func<string, Task<int>> act, string done)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Back");
        if (confirmed != true) return;
        Busy = true;
        try
        {
            var count = await act((await Auth).User.ActorName());
            Snackbar.Add($"{count} held email(s) {done}.", Severity.Success);
            Total = await Held.CountAsync(CancellationToken.None);
            if (_table is not null) await _table.ReloadServerData();
        }
        finally
        {
            Busy = false;
        }
    }
}
