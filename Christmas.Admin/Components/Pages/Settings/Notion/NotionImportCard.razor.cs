using Christmas.Core.Notion.Import;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

/// <summary>The way off the old system: its contacts and email texts, each with a dry run first.</summary>
public partial class NotionImportCard
{
    [Inject] private ContactImport Contacts { get; set; } = default!;
    [Inject] private TemplateImport Templates { get; set; } = default!;
}
