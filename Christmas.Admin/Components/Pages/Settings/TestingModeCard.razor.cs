using Christmas.Admin.Security;
using Christmas.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings;

public partial class TestingModeCard
{
    [Inject] private TestingModeStore Store { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private bool Enabled => State?.Enabled == true;
    /// <summary>The mode in force and where it came from (stored by whom and when, or configuration).</summary>
    private TestingModeState? State { get; set; }
    private bool Busy { get; set; }

    protected override async Task OnInitializedAsync() => State = await Store.StateAsync(CancellationToken.None);

    private async Task ToggleAsync()
    {
        var target = !Enabled;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            target ? "Turn testing mode on?" : "Turn testing mode off?",
            target
                ? "New sequences will send their emails minutes apart. Real contacts who sign up now would get all their emails within minutes."
                : "New sequences will send their emails at the real campaign timing (days apart).",
            yesText: target ? "Turn on" : "Turn off", cancelText: "Cancel");
        if (confirmed != true) return;
        Busy = true;
        await Store.SetAsync(target, (await Auth).User.ActorName(), CancellationToken.None);
        State = await Store.StateAsync(CancellationToken.None);
        Busy = false;
        Snackbar.Add($"Testing mode is {(target ? "on" : "off")}.", target ? Severity.Warning : Severity.Success);
    }
}
