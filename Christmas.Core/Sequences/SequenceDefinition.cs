using Christmas.Core.Common;

namespace Christmas.Core.Sequences;

/// <summary>A sequence as data: its steps, its dedupe key and the sequences it ends.</summary>
/// <param name="DedupeFields">Payload fields that, with the contact, make "one sequence per" key.</param>
public sealed record SequenceDefinition(
    SequenceKind Kind,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyList<string> DedupeFields,
    IReadOnlyList<SequenceEnding> Ends)
{
    public string Name => Kind.ToApiName();

    /// <summary>E.g. <c>noshow:evt_1</c>; unique per contact (the database's index is on contact and key).</summary>
    public string DedupeKey(IReadOnlyDictionary<string, string?> fields) =>
        string.Join(':', new[] { Name }.Concat(DedupeFields.Select(f => fields.GetValueOrDefault(f) ?? "")));
}
