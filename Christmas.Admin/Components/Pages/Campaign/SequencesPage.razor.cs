using Christmas.Admin.Components.Shared;
using Christmas.Admin.Security;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Editing;
using Christmas.Core.Campaign.Publishing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Campaign;

/// <summary>
/// The campaign's sequences, webhooks and YAML, edited in a <see cref="DraftWorkspace"/> and saved as the shared
/// draft through <see cref="DraftWorkspaces"/>: validation errors by path, and a colleague's newer save never overwritten unasked.
/// </summary>
public partial class SequencesPage
{
    [Inject] private DraftWorkspaces Workspaces { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private DraftWorkspace? Workspace { get; set; }
    private IReadOnlyList<DefinitionError> Errors { get; set; } = [];
    private DraftConflict? Conflict { get; set; }
    /// <summary>What the last conflicting save was: the structured editor's or the YAML tab's.</summary>
    private bool ConflictFromYaml { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; } = Severity.Success;
    private bool Busy { get; set; }
    private string Yaml { get; set; } = "";
    private bool YamlEdited { get; set; }

    /// <summary>Every error by path (the validator's and typed values that did not read), for the fields to show their own.</summary>
    private IReadOnlyDictionary<string, string> FieldErrors =>
        Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)))
            .Concat(Workspace?.InputErrors ?? new Dictionary<string, string>()).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private string OriginText => Workspace!.Origin switch
    {
        { DraftUpdatedAt: { } at, DraftUpdatedBy: var by } => $"Draft saved by {by}, {UtcTime.Format(at)} (on revision {Workspace.Origin.Revision})",
        var origin => $"Published revision {origin.Revision} (no draft yet)",
    };

    /// <summary>Why "Review and publish" is not open yet; null when it is.</summary>
    private string? ReviewHint => Workspace switch
    {
        { Dirty: true } => "Save the draft first: the review shows what the saved draft does.",
        { Origin.IsDraft: false } => "There is no draft to publish: edit and save one first.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Workspace = await Workspaces.OpenAsync(CancellationToken.None);
        Yaml = WriteYaml();
    }

    private static string ConflictText(DraftConflict c) => c.PublishedRevision is { } revision
        ? $"{c.By} published revision {revision} at {UtcTime.Format(c.At)} after you opened this page."
        : $"{c.By} saved the draft at {UtcTime.Format(c.At)} after you opened it.";

    /// <summary>After a save, reload, discard or publish: the workspace is what is stored; nothing is pending.</summary>
    private void ShowStored() => (Conflict, Errors, Yaml, YamlEdited) = (null, [], WriteYaml(), false);

    private string WriteYaml() => DefinitionWriter.Write(Workspace!.Document, DefinitionFormat.Yaml);

    private Task EditedAsync()
    {
        Message = null;
        if (!YamlEdited) Yaml = WriteYaml();
        return Task.CompletedTask;
    }

    private void YamlChanged(string? text)
    {
        Yaml = text ?? "";
        YamlEdited = true;
    }

    private async Task<string> ActorAsync() => (await Auth).User.ActorName();

    private Task SaveAsync(bool overwrite) => RunSaveAsync(fromYaml: false, overwrite,
        async actor => await Workspaces.SaveAsync(Workspace!, actor, overwrite, CancellationToken.None));

    private Task SaveYamlAsync(bool overwrite) => RunSaveAsync(fromYaml: true, overwrite,
        async actor => await Workspaces.SaveYamlAsync(Workspace!, Yaml, actor, overwrite, CancellationToken.None));

    private async Task RunSaveAsync(bool fromYaml, bool overwrite, Func<string, Task<WorkspaceSaveResult>> save)
    {
        // "Save mine over theirs" repeats whichever save met the conflict.
        if (overwrite && Conflict is not null && ConflictFromYaml != fromYaml) fromYaml = ConflictFromYaml;
        Busy = true;
        try
        {
            var result = await save(await ActorAsync());
            (Conflict, ConflictFromYaml, Errors, Message) = (result.Conflict, fromYaml, result.Errors, null);
            if (!result.Saved) return;
            ShowStored();
            (Message, MessageSeverity) = ("Draft saved. Compare it with the published revision on Revisions; an Admin publishes it.", Severity.Success);
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task ReloadAsync()
    {
        await Workspaces.ReloadAsync(Workspace!, CancellationToken.None);
        ShowStored();
        (Message, MessageSeverity) = ("Loaded the draft as it is saved now.", Severity.Info);
    }

    private async Task DiscardAsync()
    {
        var discard = await Dialogs.ShowMessageBoxAsync("Discard the draft?",
            "The shared draft is deleted for everyone, with any unsaved changes here. The published campaign stays as it is.",
            yesText: "Discard the draft", cancelText: "Keep it");
        if (discard != true) return;
        var existed = await Workspaces.DiscardAsync(Workspace!, await ActorAsync(), CancellationToken.None);
        ShowStored();
        (Message, MessageSeverity) = (existed ? "Draft discarded: showing the published campaign." : "There was no saved draft: showing the published campaign.", Severity.Info);
    }

    private async Task AddStepAsync(string sequence)
    {
        Busy = true;
        try
        {
            var added = await Workspaces.AddStepAsync(Workspace!, sequence, await ActorAsync(), CancellationToken.None);
            if (added.Value is not { } step)
            {
                (Message, MessageSeverity) = (added.Error, Severity.Error);
                return;
            }
            await EditedAsync();
            Snackbar.Add($"Step #{step.Number} added with a copy of the last email as {step.Template}. Save the draft to keep it.", Severity.Success);
        }
        finally
        {
            Busy = false;
        }
        await EditTemplateAsync(Workspace!.Document.Sequence(sequence)!.Steps[^1].Template);
    }

    private async Task EditTemplateAsync(string key)
    {
        var parameters = new DialogParameters<StepTemplateDialog> { { d => d.Key, key } };
        var dialog = await Dialogs.ShowAsync<StepTemplateDialog>($"Email {key}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        await dialog.Result;
    }

    private async Task ReviewAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReviewPublishDialog>("Review and publish the draft", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: PublishReceipt receipt }) return;
        await Workspaces.ReloadAsync(Workspace!, CancellationToken.None);
        ShowStored();
        (Message, MessageSeverity) = ($"Revision {receipt.Revision} is published ({receipt.Policy}): {receipt.Steps.Moved} emails moved, {receipt.Steps.Added} added, "
            + $"{receipt.Steps.Cancelled} cancelled for people in flight.", Severity.Success);
    }

    /// <summary>Leaving with unsaved edits asks first.</summary>
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (Workspace?.Dirty != true) return;
        var leave = await Dialogs.ShowMessageBoxAsync("Leave without saving?", "Your changes to the sequences are not saved in the draft and will be lost.",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true) context.PreventNavigation();
    }
}
