using Christmas.Admin.Security;
using Christmas.Core.Campaign.Revisions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Campaign;

/// <summary>The revision history, a side-by-side comparison of any two (or the draft), and "start a draft from this revision".</summary>
public partial class RevisionsPage
{
    [Inject] private RevisionHistory History { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<RevisionSummary> Revisions { get; set; } = [];
    private List<(int Value, string Label)> Sides { get; set; } = [];
    private int OldSide { get; set; }
    private int NewSide { get; set; }
    private RevisionDiff? Diff { get; set; }
    private bool Busy { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; } = Severity.Success;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        // The newest change first: the revision before the latest against the latest.
        NewSide = Revisions.Count > 0 ? Revisions[0].Revision : RevisionHistory.Draft;
        OldSide = Revisions.Count > 1 ? Revisions[1].Revision : NewSide;
        await CompareAsync();
    }

    private async Task LoadAsync()
    {
        Revisions = await History.ListAsync(CancellationToken.None);
        Sides = [(RevisionHistory.Draft, "Draft"), .. Revisions.Select(r => (r.Revision, $"Revision {r.Revision}"))];
    }

    private async Task OnOldChanged(int side)
    {
        OldSide = side;
        await CompareAsync();
    }

    private async Task OnNewChanged(int side)
    {
        NewSide = side;
        await CompareAsync();
    }

    private async Task CompareAsync() => Diff = await History.CompareAsync(OldSide, NewSide, CancellationToken.None);

    private async Task StartDraftAsync(int revision)
    {
        var replace = await Dialogs.ShowMessageBoxAsync($"Start a draft from revision {revision}?",
            "The shared draft becomes this revision's campaign, replacing any draft saved now. Nothing changes for contacts until an Admin publishes it.",
            yesText: "Start the draft", cancelText: "Cancel");
        if (replace != true) return;
        Busy = true;
        try
        {
            var result = await History.StartDraftFromAsync(revision, (await Auth).User.ActorName(), CancellationToken.None);
            (Message, MessageSeverity) = result switch
            {
                null => ($"Revision {revision} does not exist.", Severity.Error),
                { Draft: not null } => ($"The draft now holds revision {revision}'s campaign. Compare it with the published revision below.", Severity.Success),
                // An old revision may name a template deleted since: say which, save nothing.
                { Errors: var errors } => ($"Revision {revision} cannot be a draft as it is: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), Severity.Error),
            };
            if (result is { Draft: not null })
            {
                OldSide = Revisions.Count > 0 ? Revisions[0].Revision : revision;
                NewSide = RevisionHistory.Draft;
                await CompareAsync();
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
