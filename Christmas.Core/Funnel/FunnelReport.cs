namespace Christmas.Core.Funnel;

/// <summary>One sequence kind's funnel (DESIGN.md "Funnel"): per step what the provider reported, and who went on.</summary>
public sealed record FunnelReport(string Kind, int Contacts, IReadOnlyList<FunnelStep> Steps, IReadOnlyList<FunnelStage> WentOn);

/// <summary>
/// Counts of sent emails of one step. <c>delivered</c> includes opened and clicked ones (an open proves
/// delivery, and some providers report it before the delivery); website-sent assessment #1 counts as
/// sent but carries no provider events.
/// </summary>
public sealed record FunnelStep(int Number, string TemplateKey, int Sent, int Delivered, int Opened, int Clicked,
    int Bounced, int Complained, int Unsubscribed);

/// <param name="Stage">The stage's key (<see cref="FunnelStages.KeyOf"/>): booked_call, had_call, paid in revision 1; a contact who reached a later stage counts in the earlier ones too.</param>
/// <param name="Rate">Contacts / the kind's contacts, 0 when there are none.</param>
public sealed record FunnelStage(string Stage, string Label, int Contacts, double Rate);
