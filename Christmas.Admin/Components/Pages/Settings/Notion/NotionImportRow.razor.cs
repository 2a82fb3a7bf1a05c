using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

/// <summary>One import (contacts or templates): dry run, import behind a confirmation, live progress, then its summary or why it could not run.</summary>
public partial class NotionImportRow<TSummary> : IDisposable where TSummary : class
{
    private readonly CancellationTokenSource _leaving = new();

    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ILogger<NotionImportRow<TSummary>> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    /// <summary>Names the row's test ids: import-{Name}-dry-run, import-{Name}-run.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter] public string Description { get; set; } = "";
    /// <summary>What the confirmation dialog says before a real import.</summary>
    [Parameter, EditorRequired] public string Confirmation { get; set; } = "";
    /// <summary>The import itself: (dry run, actor, progress, cancellation) to its outcome.</summary>
    [Parameter, EditorRequired] public Func<bool, string, IProgress<ImportProgress>, CancellationToken, Task<Outcome<TSummary>>> Run { get; set; } = default!;
    [Parameter, EditorRequired] public RenderFragment<TSummary> Summary { get; set; } = default!;

    private bool Running { get; set; }
    private ImportProgress? Progress { get; set; }
    private string? Error { get; set; }
    private TSummary? Result { get; set; }
    private double Percent => Progress is { Total: > 0 } p ? Math.Min(100, 100.0 * p.Done / p.Total.Value) : 0;

    private string ProgressText => Progress switch
    {
        null => "Asking Notion...",
        { Stage: "reading", Total: null } p => $"Reading pages from Notion: {p.Done} so far...",
        { Stage: "reading" } p => $"Read {p.Done} page(s).",
        { Stage: "checking" } p => $"Checking {p.Done} of {p.Total} (dry run, nothing is written)...",
        var p => $"Writing {p.Done} of {p.Total}...",
    };

    private async Task ImportAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Import {Title.ToLowerInvariant()} from Notion?", Confirmation,
            yesText: "Import", cancelText: "Cancel");
        if (confirmed == true) await RunAsync(dryRun: false);
    }

    private async Task RunAsync(bool dryRun)
    {
        (Running, Progress, Error, Result) = (true, null, null, null);
        // After a confirmation the handler has yielded already, so Blazor would not render again until the end.
        StateHasChanged();
        // Reports arrive on the thread pool; a late one after the end is dropped, so the bar never reappears.
        var progress = new Progress<ImportProgress>(p => _ = InvokeAsync(() =>
        {
            if (!Running) return;
            Progress = p;
            StateHasChanged();
        }));
        try
        {
            var outcome = await Run(dryRun, (await Auth).User.ActorName(), progress, _leaving.Token);
            if (outcome.Kind == OutcomeKind.Ok) Result = outcome.Value;
            else Error = outcome.Error ?? "The import could not run.";
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // The user left. A second run picks up: an import that finds a contact or text already current changes nothing.
        }
        catch (NotionApiException ex)
        {
            Error = $"Notion stopped answering during the import ({ex.Message}). Run it again later: what is already imported is not imported twice.";
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "The Notion {Import} import failed (error id {ErrorId})", Name, errorId);
            Error = $"The import failed. Try again; if it keeps failing, give this error id to the person on call: {errorId}.";
        }
        finally
        {
            Running = false;
        }
    }

    // Cancelled, not disposed: the import may still read the token while it winds down.
    public void Dispose() => _leaving.Cancel();
}
