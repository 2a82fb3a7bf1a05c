namespace Christmas.Core.Campaign.Editing;

/// <summary>
/// What an editor opened: the shared draft as a given person last saved it (<see cref="DraftUpdatedAt"/>,
/// <see cref="DraftUpdatedBy"/>), or, without a draft, the published <see cref="Revision"/>. Saving compares
/// it with what is stored now, so nobody silently overwrites a colleague's save.
/// </summary>
public sealed record DraftOrigin(int Revision, DateTime? DraftUpdatedAt = null, string? DraftUpdatedBy = null)
{
    public bool IsDraft => DraftUpdatedAt is not null;
}
