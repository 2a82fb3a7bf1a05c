using Christmas.Core.Notion.Status;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

public partial class NotionSection
{
    [Inject] private NotionStatusReader Reader { get; set; } = default!;

    private bool Configured => Reader.IsConfigured;
}
