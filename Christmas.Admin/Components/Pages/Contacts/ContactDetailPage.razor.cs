using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Accounts;
using Christmas.Core.Contacts;
using Christmas.Core.Privacy;
using Christmas.Core.Sequences;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>One contact: fields, assessment, the sequence timeline, and the operator actions (through Core, which audits them).</summary>
public partial class ContactDetailPage
{
    [Inject] private ContactQueries Queries { get; set; } = default!;
    [Inject] private SequenceOperations Operations { get; set; } = default!;
    [Inject] private ContactEraser Eraser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<ContactDetailPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public string Email { get; set; } = "";

    private ContactDetails? _contact;
    private bool _loading = true;
    private bool _busy;

    private string ExportUrl => $"/api/contacts/{Uri.EscapeDataString(_contact?.Email ?? Email)}/export";

    private string TriggerUrl => $"/trigger?handler=assessment-handler&email={Uri.EscapeDataString(_contact?.Email ?? Email)}";

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _contact = await Queries.GetAsync(Email, CancellationToken.None);
        _loading = false;
    }

    private async Task CancelAsync(SequenceView sequence)
    {
        var parameters = new DialogParameters<CancelSequenceDialog> { { d => d.Sequence, sequence } };
        var dialog = await Dialogs.ShowAsync<CancelSequenceDialog>("Cancel this sequence?", parameters);
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return;
        await RunAsync("cancel the sequence", async actor =>
        {
            var outcome = await Operations.CancelAsync(sequence.Id, reason, actor, CancellationToken.None);
            return Result(outcome, $"{Title(sequence.Kind)} sequence cancelled; its scheduled emails will not be sent.");
        });
    }

    private async Task ResendAsync(StepView step)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Re-send this email?",
            $"Email {step.Number} ({step.TemplateKey}) goes to {_contact?.Email} again, now.", yesText: "Re-send", cancelText: "Cancel");
        if (confirmed != true) return;
        await RunAsync("re-send the email", async actor =>
        {
            var outcome = await Operations.ResendAsync(step.Id, actor, CancellationToken.None);
            return Result(outcome, $"Email {step.Number} is being sent again.");
        });
    }

    /// <summary>Admins only (the button is hidden from others; checked again here and in Core's caller): after typing the address.</summary>
    private async Task EraseAsync()
    {
        if (_contact is not { } contact || !(await AuthenticationState).User.IsInRole(ConsoleRoles.Admin)) return;
        var parameters = new DialogParameters<EraseContactDialog> { { d => d.Email, contact.Email } };
        var dialog = await Dialogs.ShowAsync<EraseContactDialog>("Erase this person?", parameters);
        if (await dialog.Result is not { Canceled: false }) return;
        var erased = false;
        await RunAsync("erase the contact", async actor =>
        {
            var outcome = await Eraser.EraseAsync(contact.Email, actor, CancellationToken.None);
            erased = outcome.Kind == OutcomeKind.Ok;
            return Result(outcome, "The person was erased; only a hash of the address remains, on the suppression list.");
        });
        if (erased) Navigation.NavigateTo("/contacts");
    }

    /// <summary>Runs an action as the signed-in user, shows its result, and reloads the contact.</summary>
    private async Task RunAsync(string what, Func<string, Task<(bool Done, string Message)>> action)
    {
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ActorName();
            var (done, message) = await action(actor);
            Snackbar.Add(message, done ? Severity.Success : Severity.Warning);
            _contact = await Queries.GetAsync(Email, CancellationToken.None);
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "Could not {Action} for {Email} (error id {ErrorId})", what, Email, errorId);
            Snackbar.Add($"Could not {what}. Try again; if it keeps failing, give this error id to the person on call: {errorId}.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    // Outcome errors are written for people ("Sequence 4 is already cancelled."), so they are shown as they are.
    private static (bool, string) Result<T>(Outcome<T> outcome, string success) =>
        outcome.Kind == OutcomeKind.Ok ? (true, success) : (false, outcome.Error ?? "That could not be done.");

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
