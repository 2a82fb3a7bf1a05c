namespace Christmas.Core.Sequences;

/// <summary>One email of a sequence: when it goes out relative to the anchor, in each mode.</summary>
/// <param name="SentByWebsite">The website sends this email itself (assessment #1); we only record it.</param>
public sealed record StepDefinition(
    int Number,
    string TemplateKey,
    TimeSpan ProductionOffset,
    TimeSpan TestingOffset,
    bool SentByWebsite = false)
{
    public TimeSpan OffsetFor(SequenceMode mode) =>
        mode == SequenceMode.Testing ? TestingOffset : ProductionOffset;
}
