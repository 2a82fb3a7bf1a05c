using Christmas.Core.Common;
using Christmas.Core.Notion;
using Christmas.Core.Notion.Status;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

/// <summary>The mirror's health, backlog and schema mapping; refreshes itself while shown, so a draining backlog can be watched.</summary>
public partial class NotionStatusCard : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _closed = new();

    [Inject] private NotionStatusReader Reader { get; set; } = default!;
    [Inject] private NotionOperations Operations { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<NotionStatusCard> Logger { get; set; } = default!;

    private NotionStatus? Status { get; set; }
    private bool Checking { get; set; }

    protected override async Task OnInitializedAsync() => Status = await Reader.ReadAsync(_closed.Token);

    // Only once the circuit is live, and only when there is a mirror to watch: nothing Notion runs without a token.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && Status is { Configured: true }) _ = RefreshPeriodicallyAsync();
    }

    private static (string Text, Color Color) Health(NotionStatus s) => s switch
    {
        { Healthy: true } => ("Healthy", Color.Success),
        { SchemaCheckedAt: null } => ("Checking", Color.Info),
        _ => ("Trouble", Color.Error),
    };

    private async Task CheckSchemaAsync()
    {
        Checking = true;
        try
        {
            var outcome = await Operations.CheckSchemasAsync(_closed.Token);
            if (outcome.Kind != OutcomeKind.Ok) Snackbar.Add(outcome.Error ?? "The schemas could not be checked.", Severity.Warning);
            Status = await Reader.ReadAsync(_closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // The page was closed while Notion was being asked.
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "The Notion schema check failed (error id {ErrorId})", errorId);
            Snackbar.Add($"The schema check failed. Try again; if it keeps failing, give this error id to the person on call: {errorId}.", Severity.Error);
        }
        finally
        {
            Checking = false;
        }
    }

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closed.Token))
                await InvokeAsync(async () =>
                {
                    Status = await Reader.ReadAsync(_closed.Token);
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (Exception ex)
        {
            // Keep the last state on screen; the next visit tries again.
            Logger.LogWarning(ex, "The Notion status stopped refreshing itself");
        }
    }

    // Cancelled, not disposed: the refresh loop may still read the token while it winds down.
    public void Dispose() => _closed.Cancel();
}
