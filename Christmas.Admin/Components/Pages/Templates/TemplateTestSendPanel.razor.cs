using Christmas.Admin.Security;
using Christmas.Core.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Templates;

/// <summary>Sends the editor's text to one address through the configured sender (<see cref="TemplateTestSender"/>).</summary>
public partial class TemplateTestSendPanel
{
    [Inject] private TemplateTestSender Sender { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<TemplateTestSendPanel> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired] public string Key { get; set; } = "";
    [Parameter] public string Subject { get; set; } = "";
    [Parameter] public string Body { get; set; } = "";
    [Parameter] public string? ContactEmail { get; set; }

    private string To { get; set; } = "";
    private string? Error { get; set; }
    private bool Busy { get; set; }

    private async Task SendAsync()
    {
        Busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ActorName();
            var sent = await Sender.SendAsync(Key, Subject, Body, To, ContactEmail, actor, CancellationToken.None);
            Error = sent.Error;
            if (sent.Value is { } messageId) Snackbar.Add($"Test email sent to {To.Trim()} ({messageId}).", Severity.Success);
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..12];
            Logger.LogError(ex, "Test send of {Key} failed (error id {ErrorId})", Key, errorId);
            Snackbar.Add($"The test email could not be sent (error id {errorId}).", Severity.Error);
        }
        finally
        {
            Busy = false;
        }
    }
}
