namespace Christmas.Core.Sequences;

public enum SequenceKind
{
    Assessment,
    Noshow,
    Postcall,
    Onboarding,
}
