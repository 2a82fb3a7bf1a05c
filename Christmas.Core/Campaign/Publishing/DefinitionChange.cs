namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// One difference between the published definition and the draft (the impact's <c>changes</c>).
/// <paramref name="Change"/> is one of <see cref="ChangeKinds"/>; a handler change names the handler and no sequence.
/// </summary>
public sealed record DefinitionChange(string? Sequence, int? Step, string Change, string? Handler = null);
