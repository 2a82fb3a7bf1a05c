namespace Christmas.Core.Campaign.Editing;

/// <summary>
/// Someone changed the campaign after the editor opened it: <see cref="By"/> saved the draft at <see cref="At"/>,
/// or published <see cref="PublishedRevision"/> then. Nothing was saved; the editor reloads theirs or overwrites.
/// </summary>
public sealed record DraftConflict(string By, DateTime At, int? PublishedRevision = null);
