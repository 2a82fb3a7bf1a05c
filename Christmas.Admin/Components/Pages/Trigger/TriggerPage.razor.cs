using Christmas.Admin.Components.Shared;
using Christmas.Admin.Security;
using Christmas.Core.Contacts;
using Christmas.Core.Webhooks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Trigger;

/// <summary>
/// The manual trigger: a form built from the handler catalog, judged by the webhook's own validator;
/// a dry run of the schedule; then the same path as <c>POST /api/sequences</c> (<see cref="ManualTrigger"/>).
/// </summary>
public partial class TriggerPage
{
    [Inject] private Christmas.Core.Campaign.Live.PublishedCampaign Published { get; set; } = default!;
    /// <summary>The handlers of the revision in force (a page opened after a publish shows the new ones).</summary>
    private Christmas.Core.Campaign.Live.LiveCampaign Campaign => Published.Latest;
    [Inject] private ManualTrigger Trigger { get; set; } = default!;
    [Inject] private TriggerDryRun DryRun { get; set; } = default!;
    [Inject] private ContactQueries Contacts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<TriggerPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "handler")] public string? HandlerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "email")] public string? EmailQuery { get; set; }

    private TriggerFormValues Form { get; } = new();
    private HandlerDefinition Handler { get; set; } = default!;
    private string HandlerName => Handler.Name;
    private IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
    private TriggerPreview? Preview { get; set; }
    private TriggerOutcome? Started { get; set; }
    private bool Busy { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Handler = (HandlerQuery is { } name ? Campaign.Handler(name) : null)
            ?? Campaign.Handlers.First(h => h.Starts is not null);
        if (!string.IsNullOrWhiteSpace(EmailQuery))
        {
            Form["email"] = EmailQuery.Trim();
            if (await Contacts.GetAsync(EmailQuery, CancellationToken.None) is { } contact) Form.ApplyContact(contact);
        }
        Form.ApplyDefaults(Handler, Time.GetUtcNow());
    }

    private void SelectHandler(string name)
    {
        Handler = Campaign.Handler(name) ?? Handler;
        Form.ApplyDefaults(Handler, Time.GetUtcNow());
        ClearResult();
    }

    private void SetValue(string field, string? value)
    {
        Form[field] = value;
        ClearResult();
    }

    private void ClearResult()
    {
        Preview = null;
        Started = null;
    }

    private string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The webhook's validator on the JSON the webhook would receive; errors go next to their fields.</summary>
    private WebhookInput? Validate()
    {
        var validation = Trigger.Validate(Handler, TriggerBody.From(Handler, Form.Values));
        Errors = validation.Errors;
        return validation.Input;
    }

    private async Task PreviewAsync()
    {
        Started = null;
        Preview = Validate() is { } input ? await DryRun.PreviewAsync(input, CancellationToken.None) : null;
    }

    private async Task StartAsync()
    {
        if (Validate() is not { } input || Preview is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Start this sequence?",
            $"Run {Handler.Name} for {input.Email}{(Preview.Deduplicated ? " (an existing sequence will be reused)" : "")}?",
            yesText: "Start", cancelText: "Cancel");
        if (confirmed != true) return;
        Busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ActorName();
            var result = await Trigger.StartAsync(Handler, TriggerBody.From(Handler, Form.Values), actor, CancellationToken.None);
            if (result.Result is not { } ingest)
            {
                Errors = result.Errors;
                Preview = null;
                return;
            }
            var contactUrl = ContactLinks.For(input.Email);
            Started = TriggerOutcome.Of(ingest, input.Email, contactUrl);
            Snackbar.Add(Started.Message, Started.Warned ? Severity.Warning : Severity.Success, c =>
            {
                c.Action = "Open contact";
                c.OnClick = _ => { Navigation.NavigateTo(contactUrl); return Task.CompletedTask; };
            });
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..12];
            Logger.LogError(ex, "Manual trigger of {Handler} failed (error id {ErrorId})", Handler.Name, errorId);
            Snackbar.Add($"The sequence could not be started and nothing was changed. Try again shortly (error id {errorId}).", Severity.Error);
        }
        finally
        {
            Busy = false;
        }
    }
}
