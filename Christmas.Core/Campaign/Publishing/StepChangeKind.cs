namespace Christmas.Core.Campaign.Publishing;

/// <summary>What a publish does to one step of a sequence in flight. The step counts are exclusive: a moved step is one of Moved, SendNow or SkippedOverdue.</summary>
public enum StepChangeKind
{
    /// <summary>A new due time still ahead (or held by a send rule).</summary>
    Moved,
    /// <summary>Moved to a time already past, within the overdue grace: it goes at once.</summary>
    SendNow,
    /// <summary>Moved so far back that it is past the overdue grace: skipped, never sent.</summary>
    SkippedOverdue,
    /// <summary>Removed from the definition, or its sequence was.</summary>
    Cancelled,
    /// <summary>A new step whose due time is still ahead (a step already due is never back-filled).</summary>
    Added,
    /// <summary>Another template, rendered at send time; not counted among the steps.</summary>
    Template,
}
