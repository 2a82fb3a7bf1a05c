namespace Christmas.Core.Changes;

/// <summary>What a row of the change feed is about.</summary>
public enum ChangeEntity
{
    Contact,
    Sequence,
    Step,
}
