using Christmas.Core.Persistence.Dialects;

namespace Christmas.Core.Retention;

/// <summary>The database's size and each table's rows, for the Settings page and <c>GET /api/retention</c>.</summary>
public sealed record DatabaseSize(string Provider, long Bytes, IReadOnlyList<TableRows> Tables);
