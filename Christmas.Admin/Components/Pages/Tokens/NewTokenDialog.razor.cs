using Christmas.Admin.Security;
using Christmas.Core.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Tokens;

/// <summary>Makes a token (name, scopes, expiry) through the same operation as the API, then shows its secret this once.</summary>
public partial class NewTokenDialog
{
    /// <summary>Expiry in days from now; 0 is never.</summary>
    private static readonly (int Days, string Label)[] ExpiryChoices = [(0, "Never"), (7, "In 7 days"), (30, "In 30 days"), (90, "In 90 days"), (365, "In a year")];

    [Inject] private ApiTokenOperations Operations { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private string Name { get; set; } = "";
    private HashSet<string> Scopes { get; } = [];
    private int ExpiryDays { get; set; } = 90;
    private string? Error { get; set; }
    private bool Busy { get; set; }
    private CreatedApiToken? Created { get; set; }

    private void Toggle(string scope, bool on)
    {
        if (on) Scopes.Add(scope);
        else Scopes.Remove(scope);
    }

    private async Task CreateAsync()
    {
        Busy = true;
        try
        {
            DateTime? expires = ExpiryDays == 0 ? null : Time.GetUtcNow().UtcDateTime.AddDays(ExpiryDays);
            var created = await Operations.CreateAsync(new ApiTokenRequest(Name, Scopes.ToList(), expires), (await Auth).User.ActorName(), CancellationToken.None);
            (Created, Error) = (created.Value, created.Error);
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", Created!.Secret);
            Snackbar.Add("Token copied.", Severity.Success);
        }
        catch (JSException)
        {
            // Browsers allow the clipboard only on https or localhost.
            Snackbar.Add("The browser blocked the clipboard: select the token and copy it.", Severity.Info);
        }
    }
}
