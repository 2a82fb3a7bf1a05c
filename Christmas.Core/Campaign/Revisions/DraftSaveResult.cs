using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>Either the saved draft or why nothing was saved.</summary>
public sealed record DraftSaveResult(DraftDefinition? Draft, IReadOnlyList<DefinitionError> Errors);
