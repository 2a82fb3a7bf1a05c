using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Campaign;

/// <summary>
/// "Review and publish": the impact preview of the saved draft under either policy (<see cref="CampaignPublisher.ImpactAsync"/>),
/// and for an Admin, after a confirmation, the publish against the revision reviewed (a newer one meanwhile is explained, the draft kept).
/// </summary>
public partial class ReviewPublishDialog
{
    [Inject] private CampaignPublisher Publisher { get; set; } = default!;
    [Inject] private CampaignDefinitionStore Store { get; set; } = default!;
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private string Policy { get; set; } = PublishPolicies.InFlight;
    /// <summary>The revision in force when the preview was computed: the publish expects it.</summary>
    private int Expected { get; set; }
    private PublishImpact? Impact { get; set; }
    private bool IsAdmin { get; set; }
    private bool Loading { get; set; }
    private bool Busy { get; set; }
    private bool Confirmed { get; set; }
    private bool Stale { get; set; }
    private string? Error { get; set; }

    private string ConfirmText => Impact is { InFlight.Contacts: > 0 } impact && Policy == PublishPolicies.InFlight
        ? $"I have reviewed what this does to {impact.InFlight.Contacts} {(impact.InFlight.Contacts == 1 ? "person" : "people")} in flight."
        : "I have reviewed the changes.";

    protected override async Task OnInitializedAsync()
    {
        IsAdmin = (await Auth).User.IsInRole(ConsoleRoles.Admin);
        await LoadAsync();
    }

    private async Task PolicyChangedAsync(string policy)
    {
        Policy = policy;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (Loading, Confirmed, Stale, Error) = (true, false, false, null);
        try
        {
            Expected = await Store.LatestRevisionAsync(CancellationToken.None);
            var impact = await Publisher.ImpactAsync(Policy, CancellationToken.None);
            (Impact, Error) = (impact.Value, impact.Error);
        }
        finally
        {
            Loading = false;
        }
    }

    private async Task PublishAsync()
    {
        Busy = true;
        try
        {
            var published = await Publisher.PublishAsync(Policy, Expected, (await Auth).User.ActorName(), CancellationToken.None);
            if (published.Value is { } receipt)
            {
                Dialog.Close(DialogResult.Ok(receipt));
                return;
            }
            Stale = published.Kind == OutcomeKind.Conflict;
            var latest = await Store.LatestRevisionAsync(CancellationToken.None);
            Error = Stale && latest != Expected
                ? $"Someone published revision {latest} while you reviewed; reload and review again. Your draft is kept."
                : published.Error;
        }
        finally
        {
            Busy = false;
        }
    }
}
