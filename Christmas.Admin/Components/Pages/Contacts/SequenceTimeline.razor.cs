using Christmas.Core.Contacts;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>
/// Every sequence of a contact with every step. Offers "cancel" on active sequences and "re-send" on
/// steps that are done (sent, failed, cancelled, skipped) while the contact may still be emailed; the
/// page runs the actions (Core checks again, so a stale button only gets a friendly refusal).
/// </summary>
public partial class SequenceTimeline
{
    /// <summary>Step states whose email an operator may send again (Step.RequestResend refuses only "sending"; a scheduled step is still to come).</summary>
    public static readonly IReadOnlySet<string> ResendableStatuses = new HashSet<string> { "sent", "failed", "cancelled", "skipped" };

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<SequenceView> Sequences { get; set; } = [];
    /// <summary>False for a suppressed contact (unsubscribed, bounced, complained): no email may go to them.</summary>
    [Parameter] public bool ContactCanReceive { get; set; } = true;
    /// <summary>While an action runs, its buttons are disabled (no double clicks).</summary>
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<SequenceView> OnCancel { get; set; }
    [Parameter] public EventCallback<StepView> OnResend { get; set; }

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private static bool CanCancel(SequenceView sequence) => sequence.Status == "active";

    private bool CanResend(StepView step) => ContactCanReceive && ResendableStatuses.Contains(step.Status);

    private static string Title(SequenceView sequence) =>
        $"{char.ToUpperInvariant(sequence.Kind[0])}{sequence.Kind[1..]} sequence";
}
