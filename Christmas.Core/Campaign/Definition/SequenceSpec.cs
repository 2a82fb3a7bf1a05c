namespace Christmas.Core.Campaign.Definition;

/// <summary>One sequence as data; <see cref="Name"/> is the API's "kind".</summary>
/// <param name="Stage">What entering it means in the funnel ("booked a call", "paid"); null: not a funnel stage.</param>
/// <param name="DedupeFields">Payload fields that, with the contact, make "one sequence per".</param>
/// <param name="Ends">The contact's active sequences that starting this one ends.</param>
public sealed record SequenceSpec(
    string Name,
    string Label,
    string? Stage,
    IReadOnlyList<string> DedupeFields,
    IReadOnlyList<SequenceEndSpec> Ends,
    IReadOnlyList<StepSpec> Steps);
