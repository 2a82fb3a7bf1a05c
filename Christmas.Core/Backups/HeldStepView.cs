namespace Christmas.Core.Backups;

/// <summary>A step held after a restore, as the Held list shows it.</summary>
public sealed record HeldStepView(long Id, string Email, string Sequence, int Step, string TemplateKey, DateTime DueAt, DateTime SendAt);
