using Christmas.Admin.Components.Shared;
using Christmas.Core.Notion.Status;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>A contact's or sequence's Notion page: synced, pending or error (the error as tooltip), with a link when it exists.</summary>
public partial class NotionBadge
{
    /// <summary>Null (a view built without Notion) is treated like "off".</summary>
    [Parameter] public NotionSync? Sync { get; set; }

    private bool Visible => Sync is { Status: not "off" };

    private string? Tooltip => Sync switch
    {
        { Error: { } error } => error,
        { SyncedAt: { } at } => $"Last written {UtcTime.Format(at)}",
        _ => null,
    };
}
