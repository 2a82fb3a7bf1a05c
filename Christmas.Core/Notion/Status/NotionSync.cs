namespace Christmas.Core.Notion.Status;

/// <summary>A contact's or sequence's page in Notion, in the contacts API: status synced, pending, error or off.</summary>
public sealed record NotionSync(string Status, string? PageId, string? Url, DateTime? SyncedAt, string? Error)
{
    public static readonly NotionSync Off = new("off", null, null, null, null);
}
