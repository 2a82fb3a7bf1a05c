using Christmas.Core.Notion.Mapping;

namespace Christmas.Core.Notion.Status;

/// <summary><c>GET /api/notion/status</c> (DESIGN.md "Notion").</summary>
public sealed record NotionStatus(
    bool Configured,
    bool Healthy,
    NotionDatabaseStatus? Contacts,
    NotionDatabaseStatus? SequenceTracker,
    int Backlog,
    string? LastError,
    DateTime? LastSyncAt,
    DateTime? PausedUntil,
    DateTime? SchemaCheckedAt);

/// <summary>One mirrored database: where it resolved to, and each field's property or what is wrong with it.</summary>
public sealed record NotionDatabaseStatus(
    string? DatabaseId,
    string? DataSourceId,
    string? TitleProperty,
    bool Usable,
    IReadOnlyList<string> MissingProperties,
    IReadOnlyList<PropertyMapping> Properties,
    string? Error)
{
    public static NotionDatabaseStatus From(DatabaseMapping m) =>
        new(m.DatabaseId, m.DataSourceId, m.TitleProperty, m.IsUsable, m.MissingProperties, m.Properties, m.Error);
}
