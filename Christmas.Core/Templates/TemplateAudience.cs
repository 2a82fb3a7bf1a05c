using Christmas.Core.Common;
using Christmas.Core.Contacts;

namespace Christmas.Core.Templates;

/// <summary>
/// Who gets one key of a step's template family (<see cref="SegmentVariants"/>): a variant goes to the
/// contacts of its segment, the base text to everyone else (no segment, or a segment without a variant).
/// </summary>
/// <param name="Segment">The variant's segment; null for the base text.</param>
/// <param name="OtherSegments">For the base text: the segments whose contacts get it (those without a variant).</param>
/// <param name="Contacts">Contacts who would get this key: in the segment, or (base) in none of the variants' segments.</param>
/// <param name="Pending">Of those, the contacts with this step still to come (scheduled or sending): the ones an edit reaches.</param>
public sealed record TemplateAudience(string Key, Segment? Segment, IReadOnlyList<Segment> OtherSegments, int Contacts, int Pending)
{
    public bool IsVariant => Segment is not null;

    /// <summary>"CRITICAL variant: contacts in segment CRITICAL (12 contacts)", or "Base text: everyone else - ... (3 contacts)".</summary>
    public string Describe()
    {
        if (Segment is { } s) return $"{s.ToSegmentName()} variant: contacts in segment {s.ToSegmentName()} ({Plural(Contacts)})";
        var who = OtherSegments.Count == 0 ? "contacts without a segment"
            : $"contacts without a segment or in {string.Join(", ", OtherSegments.Select(o => o.ToSegmentName()))}";
        return $"Base text: everyone else - {who} ({Plural(Contacts)})";
    }

    /// <summary>For the base text's editor: "4 contacts in CRITICAL get the CRITICAL variant (assessment-2.critical)".</summary>
    public string PendingWarning() =>
        $"{Plural(Pending)} in {Segment?.ToSegmentName()} get the {Segment?.ToSegmentName()} variant ({Key})";

    /// <summary>
    /// For the editor of a base text with variants: whom an edit does not reach, counted as contacts with the
    /// step still to come (scheduled or sending) in each segment with a variant: those are the sends an edit is
    /// meant for, and the variant goes to them instead. Null for a variant or a step without variants.
    /// </summary>
    /// <param name="family">The step's keys, base first (<see cref="TemplateAudiences.ForFamilyAsync"/>).</param>
    public static string? EditWarning(IReadOnlyList<TemplateAudience> family, string editedKey) =>
        family.Count > 1 && family[0].Key == editedKey
            ? $"Saving changes the base text only: {string.Join("; ", family.Where(a => a.IsVariant).Select(v => v.PendingWarning()))}. "
              + "(Counting contacts with this step still to come.) Edit a variant to change what its segment receives."
            : null;

    private static string Plural(int n) => n == 1 ? "1 contact" : $"{n} contacts";
}
