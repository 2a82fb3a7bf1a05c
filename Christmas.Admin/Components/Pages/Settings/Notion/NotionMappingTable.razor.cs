using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Status;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Settings.Notion;

/// <summary>One mirrored database: its ids, and for each of our fields the property we looked for, what we found, and why it is not written.</summary>
public partial class NotionMappingTable
{
    [Parameter, EditorRequired] public string Title { get; set; } = "";
    /// <summary>data-database of the table, for tests and styling: "contacts" or "sequenceTracker".</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    /// <summary>The configuration key of the database id, named when it is not set.</summary>
    [Parameter, EditorRequired] public string ConfigKey { get; set; } = "";
    /// <summary>Whether the schemas were read; after that, a database without a status is one whose id is not set.</summary>
    [Parameter] public bool Checked { get; set; }
    [Parameter] public NotionDatabaseStatus? Database { get; set; }

    private static string Found(PropertyMapping p) => p.Found is null ? "—" : $"{p.Found} ({p.FoundType})";

    // Problem is already written for people: "missing", "is number, expected select".
    private static string State(PropertyMapping p) => p.Problem ?? "mapped";
}
