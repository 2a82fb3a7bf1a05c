namespace Christmas.Core.Notion.Client;

/// <summary>A database and the data sources it holds (2025-09-03: pages live in a data source).</summary>
public sealed record NotionDatabase(string Id, string Title, IReadOnlyList<NotionDataSourceRef> DataSources);

public sealed record NotionDataSourceRef(string Id, string Name);

/// <summary>A data source's schema: property name to Notion type ("title", "rich_text", "email", ...).</summary>
public sealed record NotionDataSource(string Id, IReadOnlyDictionary<string, string> Properties);

public sealed record NotionQueryResult(IReadOnlyList<NotionPage> Results, string? NextCursor, bool HasMore);
