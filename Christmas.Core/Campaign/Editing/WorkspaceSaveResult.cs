using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Editing;

/// <summary>A save from the Sequences page: saved, refused with the validator's errors (paths, YAML lines), or stopped by a newer save.</summary>
public sealed record WorkspaceSaveResult(bool Saved, IReadOnlyList<DefinitionError> Errors, DraftConflict? Conflict = null)
{
    public static readonly WorkspaceSaveResult Done = new(true, []);
}
