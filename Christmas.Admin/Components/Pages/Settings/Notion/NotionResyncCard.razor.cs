using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Notion;
using Christmas.Core.Notion.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

/// <summary>
/// Queues every page again, then follows the mirror's backlog once a second: the bar is (queued - backlog) / queued,
/// real progress of the writes, until the backlog is empty or the user leaves (the mirror goes on without them).
/// </summary>
public partial class NotionResyncCard : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _leaving = new();

    [Inject] private NotionOperations Operations { get; set; } = default!;
    [Inject] private NotionStatusReader Reader { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ILogger<NotionResyncCard> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private int? Queued { get; set; }
    private int Done { get; set; }
    private bool Running { get; set; }
    private string? Error { get; set; }
    private double Percent => Queued is not > 0 ? 100 : 100.0 * Done / Queued.Value;

    private string ResultText => (Running, Queued) switch
    {
        (_, 0) => "Nothing to resync: there are no contacts yet.",
        (true, _) => $"Written {Done} of {Queued} page(s)...",
        _ => $"Done: all {Queued} page(s) are written to Notion.",
    };

    private async Task ResyncAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Resync everything to Notion?",
            "Every contact and sequence is written to Notion again. With many contacts this takes a while (Notion allows a few requests a second).",
            yesText: "Resync all", cancelText: "Cancel");
        if (confirmed != true) return;
        (Running, Error, Queued, Done) = (true, null, null, 0);
        StateHasChanged(); // the dialog was the handler's first wait: without this the button stays enabled until the end
        try
        {
            var outcome = await Operations.ResyncAllAsync((await Auth).User.ActorName(), _leaving.Token);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                Error = outcome.Error;
                return;
            }
            Queued = outcome.Value;
            await FollowBacklogAsync();
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // The user left; the queued pages stay queued and the mirror writes them.
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "Resync all failed (error id {ErrorId})", errorId);
            Queued = null; // the bar would claim a finish that did not happen
            Error = $"Resync failed. Try again; if it keeps failing, give this error id to the person on call: {errorId}.";
        }
        finally
        {
            Running = false;
        }
    }

    private async Task FollowBacklogAsync()
    {
        using var timer = new PeriodicTimer(PollEvery);
        while (Queued > 0)
        {
            // The backlog also counts changes made meanwhile by webhooks and sends: clamped, so the bar stays within 0..100 %.
            var backlog = await Reader.BacklogAsync(_leaving.Token);
            Done = Math.Clamp(Queued.Value - backlog, 0, Queued.Value);
            if (backlog == 0) return;
            StateHasChanged();
            await timer.WaitForNextTickAsync(_leaving.Token);
        }
    }

    // Cancelled, not disposed: the polling loop may still read the token while it winds down.
    public void Dispose() => _leaving.Cancel();
}
