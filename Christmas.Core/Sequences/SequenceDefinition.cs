namespace Christmas.Core.Sequences;

/// <summary>A sequence as data: its steps, its dedupe key and the sequences it ends.</summary>
/// <param name="DedupeFields">Payload fields that, with the contact, make "one sequence per" key.</param>
public sealed record SequenceDefinition(
    SequenceKind Kind,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyList<string> DedupeFields,
    IReadOnlyList<SequenceEnding> Ends)
{
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>E.g. <c>noshow:ada@example.com:evt_1</c>; unique per sequence in the database.</summary>
    public string DedupeKey(string email, IReadOnlyDictionary<string, string?> fields) =>
        string.Join(':', new[] { Name, email }.Concat(DedupeFields.Select(f => fields.GetValueOrDefault(f) ?? "")));
}
