namespace Christmas.Core.Sequences;

/// <summary>A sequence of the published definition, compiled for the engine: its steps, its dedupe key and the sequences it ends.</summary>
/// <param name="Name">The API's "kind" (<c>assessment</c>); stored on each sequence.</param>
/// <param name="Stage">What entering it means in the funnel ("booked a call", "paid"); null: not a funnel stage.</param>
/// <param name="DedupeFields">Payload fields that, with the contact, make "one sequence per" key.</param>
public sealed record SequenceDefinition(
    string Name,
    string Label,
    string? Stage,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyList<string> DedupeFields,
    IReadOnlyList<SequenceEnding> Ends)
{
    /// <summary>E.g. <c>noshow:evt_1</c>; unique per contact (the database's index is on contact and key).</summary>
    public string DedupeKey(IReadOnlyDictionary<string, string?> fields) =>
        string.Join(':', new[] { Name }.Concat(DedupeFields.Select(f => fields.GetValueOrDefault(f) ?? "")));

    public StepDefinition? Step(int number) => Steps.FirstOrDefault(s => s.Number == number);
}
