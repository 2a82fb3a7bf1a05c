namespace Christmas.Core.Campaign.Definition;

/// <summary>An exit rule: starting the owning sequence ends the contact's active <paramref name="Sequence"/>, with this reason.</summary>
public sealed record SequenceEndSpec(string Sequence, string Reason);
