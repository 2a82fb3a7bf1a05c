namespace Christmas.Core.SendRules;

/// <summary>A step that must not go: <see cref="Skip"/> for a campaign rule (the step ends skipped), else it ends cancelled.</summary>
public sealed record SendStop(string Reason, bool Skip);
