using Christmas.Admin.Components.Shared;
using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Tokens;

/// <summary>Admins make named API tokens with scopes (the secret shown once) and revoke them.</summary>
public partial class TokensPage
{
    [Inject] private ApiTokenOperations Operations { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<ApiTokenView> Tokens { get; set; } = [];

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => Tokens = await Operations.ListAsync(CancellationToken.None);

    private string State(ApiTokenView token) => token switch
    {
        { RevokedAt: { } at } => $"revoked {UtcTime.Short(at)}",
        { ExpiresAt: { } at } when at <= Time.GetUtcNow().UtcDateTime => "expired",
        _ => "active",
    };

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<NewTokenDialog>("New API token",
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiTokenView token)
    {
        if (await Dialogs.ShowMessageBoxAsync("Revoke token?", $"Scripts using {token.Name} are refused from their next call. This cannot be undone.",
                yesText: "Revoke", cancelText: "Cancel") != true) return;
        var revoked = await Operations.RevokeAsync(token.Id, (await Auth).User.ActorName(), CancellationToken.None);
        Snackbar.Add(revoked.Kind == OutcomeKind.Ok ? $"Revoked {token.Name}." : revoked.Error!, revoked.Kind == OutcomeKind.Ok ? Severity.Success : Severity.Error);
        await LoadAsync();
    }
}
