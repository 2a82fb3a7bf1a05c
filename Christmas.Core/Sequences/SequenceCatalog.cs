namespace Christmas.Core.Sequences;

/// <summary>The four sequences of the campaign (DESIGN.md "Step offsets from the anchor").</summary>
public sealed class SequenceCatalog
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    public IReadOnlyList<SequenceDefinition> All { get; } =
    [
        new(SequenceKind.Assessment,
            [
                new(1, "assessment-1", TimeSpan.Zero, TimeSpan.Zero, SentByWebsite: true),
                new(2, "assessment-2", H(24), M(1)),
                new(3, "assessment-3", H(72), M(2)),
                new(4, "assessment-4", H(96), M(3)),
                new(5, "assessment-5", H(120), M(4)),
            ],
            DedupeFields: [],
            Ends: []),
        new(SequenceKind.Noshow,
            [
                new(1, "noshow-1", M(5), M(1)),
                new(2, "noshow-2", H(24), M(2)),
                new(3, "noshow-3", H(48), M(3)),
            ],
            DedupeFields: ["calendly_event_id"],
            Ends: []),
        new(SequenceKind.Postcall,
            [
                new(1, "postcall-1", H(1), M(1)),
                new(2, "postcall-2", H(72), M(2)),
                new(3, "postcall-3", H(168), M(3)),
            ],
            DedupeFields: ["call_date"],
            Ends: [new(SequenceKind.Noshow, "superseded by postcall")]),
        new(SequenceKind.Onboarding,
            [
                new(1, "onboarding-1", H(1), M(1)),
                new(2, "onboarding-2", H(24), M(2)),
                new(3, "onboarding-3", H(72), M(3)),
            ],
            DedupeFields: [],
            Ends: [new(SequenceKind.Noshow, "converted"), new(SequenceKind.Postcall, "converted")]),
    ];

    public SequenceDefinition Get(SequenceKind kind) => All.Single(d => d.Kind == kind);
}
