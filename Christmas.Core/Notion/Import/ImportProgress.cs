namespace Christmas.Core.Notion.Import;

/// <summary>How far an import is, for the console's progress bar: pages read, then items written.</summary>
public sealed record ImportProgress(string Stage, int Done, int? Total);
