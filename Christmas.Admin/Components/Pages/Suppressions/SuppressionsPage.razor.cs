using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Core.Common;
using Christmas.Core.Suppressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Suppressions;

/// <summary>The suppression list: everyone reads it; Admins add (email and note) and remove (after a confirmation).</summary>
public partial class SuppressionsPage
{
    private MudTable<SuppressionView>? _table;

    [Inject] private SuppressionOperations Operations { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private string? Search { get; set; }
    private string? NewEmail { get; set; }
    private string? NewNote { get; set; }
    private string? AddError { get; set; }
    private bool Busy { get; set; }

    private async Task<TableData<SuppressionView>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Operations.SearchAsync(Search, new PageRequest(state.Page + 1, state.PageSize), ct);
        return new TableData<SuppressionView> { Items = page.Results, TotalItems = page.Total };
    }

    private async Task OnSearchChanged(string? search)
    {
        Search = search;
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task AddAsync()
    {
        // The buttons are hidden from others, but a circuit can outlive a role change: check again here.
        if (await AdminAsync() is not { } actor) return;
        Busy = true;
        try
        {
            var added = await Operations.AddManualAsync(NewEmail ?? "", NewNote, actor, $"console: {actor}", CancellationToken.None);
            AddError = added.Error;
            if (added.Value is not { } entry) return;
            (NewEmail, NewNote) = (null, null);
            Snackbar.Add($"{entry.Email} is suppressed; its pending emails are cancelled.", Severity.Success);
            if (_table is not null) await _table.ReloadServerData();
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task RemoveAsync(SuppressionView entry)
    {
        if (await AdminAsync() is not { } actor) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove from the suppression list?",
            $"{entry.Email} ({entry.Reason}) may be mailed again by sequences started from now on; ended sequences stay ended.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true) return;
        var removed = await Operations.RemoveAsync(entry.Email, actor, CancellationToken.None);
        Snackbar.Add(removed.Error ?? $"{entry.Email} was removed from the suppression list.", removed.Error is null ? Severity.Success : Severity.Warning);
        if (_table is not null) await _table.ReloadServerData();
    }

    /// <returns>The actor's name when an Admin is signed in, else null.</returns>
    private async Task<string?> AdminAsync()
    {
        var user = (await Auth).User;
        return user.IsInRole(ConsoleRoles.Admin) ? user.ActorName() : null;
    }

    private static Color ReasonColor(string reason) => reason switch
    {
        "bounced" or "complained" => Color.Error,
        "unsubscribed" => Color.Warning,
        _ => Color.Default,
    };
}
