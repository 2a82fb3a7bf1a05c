namespace Christmas.Core.Sequences;

/// <summary>Which offsets a sequence was planned with; fixed at creation.</summary>
public enum SequenceMode
{
    Production,
    Testing,
}
