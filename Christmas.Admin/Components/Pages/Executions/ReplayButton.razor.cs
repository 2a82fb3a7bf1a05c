using Christmas.Admin.Security;
using Christmas.Core.Webhooks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Executions;

/// <summary>Runs a stored call again (after a confirmation) as the signed-in user, then opens the new call.</summary>
public partial class ReplayButton
{
    [Inject] private WebhookReplay Replay { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<ReplayButton> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired] public string ExecutionId { get; set; } = "";
    [Parameter, EditorRequired] public string FlowId { get; set; } = "";

    private bool _busy;

    private async Task ReplayAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Replay this call?",
            $"The stored body goes through {FlowId} again as a new call, with the same checks as the website's: the contact is updated, "
            + "and a sequence starts only if none exists for it yet.", yesText: "Replay", cancelText: "Cancel");
        if (confirmed != true) return;
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ActorName();
            var replayed = await Replay.ReplayAsync(ExecutionId, actor, CancellationToken.None);
            if (replayed.Result is { } result)
            {
                Snackbar.Add($"Replayed as call {result.ExecutionId}{(result.Deduplicated ? " (deduplicated: the sequence already existed)" : "")}.", Severity.Success);
                Navigation.NavigateTo($"/executions/{result.ExecutionId}");
                return;
            }
            Snackbar.Add(replayed.Found
                ? $"The stored body no longer passes the checks: {string.Join(" ", replayed.Errors.SelectMany(e => e.Value))}"
                : "This call no longer exists.", Severity.Warning);
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "Could not replay execution {ExecutionId} (error id {ErrorId})", ExecutionId, errorId);
            Snackbar.Add($"Could not replay the call. Try again; if it keeps failing, give this error id to the person on call: {errorId}.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
