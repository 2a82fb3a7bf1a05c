using System.Globalization;
using Christmas.Admin.Security;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Retention;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings;

/// <summary>The retention settings, the last purge, "Purge now" (audited) and the database's size per table.</summary>
public partial class RetentionCard : IDisposable
{
    [Inject] private RetentionStatusReader Reader { get; set; } = default!;
    [Inject] private RetentionPurge Purge { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private readonly CancellationTokenSource _leaving = new();
    private RetentionStatus? Status { get; set; }
    private bool Busy { get; set; }

    protected override async Task OnInitializedAsync() => Status = await Reader.ReadAsync(_leaving.Token);

    private async Task PurgeAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Purge now?",
            "Bodies older than their retention are removed for good (rows and counts stay; old audit entries are deleted).",
            yesText: "Purge", cancelText: "Cancel");
        if (confirmed != true) return;
        Busy = true;
        try
        {
            if (await Purge.RunAsync((await Auth).User.ActorName(), _leaving.Token) is { } run)
                Snackbar.Add($"Purged {run.Total} row(s).", Severity.Success);
            else
                Snackbar.Add("Another instance is purging now.", Severity.Info);
            Status = await Reader.ReadAsync(_leaving.Token);
        }
        finally
        {
            Busy = false;
        }
    }

    private static string Days(int days) => days <= 0 ? "forever" : $"{days} days";

    private static string LastRunText(RetentionRun? run) => run is null
        ? "No purge has run yet."
        : $"Last purge {run.FinishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {run.StartedBy}: "
          + string.Join(", ", run.Rows.Select(r => $"{r.Key} {r.Value}")) + ".";

    private static string Rows(TableRows table) =>
        (table.Estimated ? "~" : "") + table.Rows.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        _ => $"{bytes / 1024.0:0.0} KB",
    };

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
