using Christmas.Core.Contacts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>Shown in a step's row of the <see cref="SequenceTimeline"/>: what the provider said about the sent email.</summary>
public partial class StepDeliveryEvents
{
    [Parameter, EditorRequired] public StepView Step { get; set; } = null!;

    private IReadOnlyList<DeliveryEventView> Events => Step.Events ?? [];

    /// <summary>Trouble in the error colour (the address may be suppressed), a delay or Resend's own suppression as a warning, good news green.</summary>
    public static Color ColorOf(string status) => status switch
    {
        "bounced" or "complained" or "failed" => Color.Error,
        "delivery_delayed" or "suppressed" => Color.Warning,
        "delivered" or "opened" or "clicked" => Color.Success,
        _ => Color.Default,
    };
}
