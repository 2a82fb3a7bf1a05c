using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Templates;

/// <summary>
/// Edits one template: subject and Markdown body with a live preview (rendered 300 ms after the last
/// keystroke by <see cref="TemplatePreview"/>), the errors saving would reject, history with restore.
/// </summary>
public partial class TemplateEditorPage
{
    private static readonly TimeSpan PreviewDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private TemplateLibrary Library { get; set; } = default!;
    [Inject] private TemplatePreview Previewer { get; set; } = default!;
    [Inject] private TemplateAudiences Audiences { get; set; } = default!;
    [Inject] private TemplateOperations Operations { get; set; } = default!;
    [Inject] private TemplateVariableCatalog Catalog { get; set; } = default!;
    [Inject] private ContactQueries Contacts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public string Key { get; set; } = "";

    private CancellationTokenSource? _debounce;
    private CancellationTokenSource? _rendering;
    private string? _loadedKey;
    private EmailTemplate? Current { get; set; }
    private IReadOnlyList<EmailTemplate> History { get; set; } = [];
    /// <summary>This step's base text and its segment variants, with who gets each.</summary>
    private IReadOnlyList<TemplateAudience> Family { get; set; } = [];
    private string Subject { get; set; } = "";
    private string Body { get; set; } = "";
    private string? ContactEmail { get; set; }
    private TemplatePreviewResult? Preview { get; set; }
    private string? SaveError { get; set; }
    private bool NotFound { get; set; }
    private bool Busy { get; set; }

    private bool Dirty => Current is not null && (Subject != Current.Subject || Body != Current.Body);
    private IEnumerable<string> VariableNames => Catalog.Names.Order(StringComparer.Ordinal);
    private IEnumerable<string> Errors => (Preview?.Errors ?? []).Concat(SaveError is { } e && Preview?.Errors.Contains(e) != true ? [e] : []);

    private string Where => Library.Describe(Key);

    /// <summary>On a base text with variants: whom saving does not reach (<see cref="TemplateAudience.EditWarning"/>).</summary>
    private string? VariantWarning => TemplateAudience.EditWarning(Family, Key);

    // Only a new key reloads: a cascading change (the sign-in state) must not throw away unsaved edits.
    protected override Task OnParametersSetAsync()
    {
        if (Key == _loadedKey) return Task.CompletedTask;
        _loadedKey = Key;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        NotFound = Library.SequenceOf(Key) is null;
        if (NotFound) return;
        History = await Library.HistoryAsync(Key, CancellationToken.None);
        Current = History.FirstOrDefault();
        NotFound = Current is null;
        if (Current is null) return;
        (Subject, Body, SaveError) = (Current.Subject, Current.Body, null);
        Family = await Audiences.ForFamilyAsync(Key, CancellationToken.None);
        await RenderPreviewAsync();
    }

    private Task SubjectChangedAsync(string? value)
    {
        Subject = value ?? "";
        return DebouncedPreviewAsync();
    }

    private Task BodyChangedAsync(string? value)
    {
        Body = value ?? "";
        return DebouncedPreviewAsync();
    }

    /// <summary>Renders once typing pauses: each keystroke cancels the previous wait.</summary>
    private async Task DebouncedPreviewAsync()
    {
        _debounce?.Cancel();
        var wait = _debounce = new CancellationTokenSource();
        try { await Task.Delay(PreviewDelay, wait.Token); }
        catch (OperationCanceledException) { return; }
        await RenderPreviewAsync();
    }

    /// <summary>A newer preview (or leaving the page) cancels the one still rendering; the renderer's limits bound each.</summary>
    private async Task RenderPreviewAsync()
    {
        _rendering?.Cancel();
        var rendering = _rendering = new CancellationTokenSource();
        try { Preview = await Previewer.RenderAsync(Key, Subject, Body, ContactEmail, rendering.Token); }
        catch (OperationCanceledException) when (rendering.IsCancellationRequested) { }
    }

    private async Task ContactChangedAsync(string? email)
    {
        ContactEmail = string.IsNullOrWhiteSpace(email) ? null : email;
        await RenderPreviewAsync();
    }

    private async Task<IEnumerable<string>> SearchContactsAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var page = await Contacts.SearchAsync(text, null, new PageRequest(1, 8), ct);
        return page.Results.Select(c => c.Email);
    }

    private async Task InsertAsync(string name)
    {
        Body = (Body.Length == 0 || Body.EndsWith('\n') || Body.EndsWith(' ') ? Body : Body + " ") + $"{{{{ {name} }}}}";
        await RenderPreviewAsync();
    }

    private Task DiscardAsync() => LoadAsync();

    private async Task SaveAsync()
    {
        var warning = VariantWarning;
        await RunAsync(actor => Operations.SaveAsync(Key, Subject, Body, actor, CancellationToken.None), "Saved");
        if (warning is not null && !Dirty) Snackbar.Add(warning, Severity.Warning);
    }

    /// <summary>Leaving with unsaved changes asks first (closing or reloading the tab: the browser's own beforeunload prompt).</summary>
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!Dirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync("Leave without saving?", $"Your changes to {Key} are not saved and will be lost.",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true) context.PreventNavigation();
    }

    private async Task RestoreAsync(int version)
    {
        if (await ConfirmAsync($"Restore version {version}? Its text becomes a new version."))
            await RunAsync(actor => Operations.RestoreVersionAsync(Key, version, actor, CancellationToken.None), $"Version {version} restored");
    }

    private async Task RestoreDefaultAsync()
    {
        if (await ConfirmAsync("Restore the text shipped with the product? It becomes a new version."))
            await RunAsync(actor => Operations.RestoreDefaultAsync(Key, actor, CancellationToken.None), "Shipped text restored");
    }

    private async Task<bool> ConfirmAsync(string message) =>
        await Dialogs.ShowMessageBoxAsync("Restore", Dirty ? message + " Your unsaved changes will be lost." : message,
            yesText: "Restore", cancelText: "Cancel") == true;

    private async Task RunAsync(Func<string, Task<Outcome<EmailTemplate>>> action, string done)
    {
        Busy = true;
        try
        {
            var outcome = await action((await AuthenticationState).User.ActorName());
            if (outcome.Value is { } saved)
            {
                await LoadAsync();
                Snackbar.Add($"{done} as version {saved.Version}.", Severity.Success);
            }
            else
            {
                SaveError = outcome.Error;
                Snackbar.Add("Nothing was saved: see the errors under the body.", Severity.Warning);
            }
        }
        finally
        {
            Busy = false;
        }
    }

    public void Dispose()
    {
        _debounce?.Cancel();
        _rendering?.Cancel();
    }
}
