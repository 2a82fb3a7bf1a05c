using Bunit;
using Christmas.Admin.Components.Pages.Settings.Notion;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Status;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>The schema mapping of one database: ids, each field's property and what is wrong with it.</summary>
public sealed class NotionMappingTableTests : ConsoleComponentTest
{
    private IRenderedComponent<NotionMappingTable> RenderTable(NotionDatabaseStatus? database, bool @checked = true) =>
        Render<NotionMappingTable>(p => p
            .Add(t => t.Title, "Contacts database").Add(t => t.Name, "contacts")
            .Add(t => t.ConfigKey, "Notion:ContactsDatabaseId").Add(t => t.Checked, @checked).Add(t => t.Database, database));

    private static string State(IRenderedComponent<NotionMappingTable> table, string field) =>
        table.Find($"[data-testid=mapping-row][data-field={field}] [data-testid=mapping-state]").TextContent.Trim();

    [Fact]
    public void Table_ShowsEachFieldsPropertyFoundTypeAndProblem()
    {
        var table = RenderTable(new NotionDatabaseStatus("db1", "ds1", "Name", true, ["Business Name", "Segment"],
        [
            new PropertyMapping("Name", "Name", "title", "Name", "title", null),
            new PropertyMapping("Email", "Email", "email", "E-mail", "email", null),
            new PropertyMapping("BusinessName", "Business Name", "rich_text", null, null, "missing"),
            new PropertyMapping("Segment", "Segment", "select", "Segment", "number", "is number, expected select"),
        ], null));

        Assert.Equal("mapped", State(table, "Email"));
        Assert.Equal("missing", State(table, "BusinessName"));
        Assert.Equal("is number, expected select", State(table, "Segment"));
        Assert.Contains("E-mail (email)", table.Find("[data-testid=mapping-row][data-field=Email]").TextContent);
        Assert.Contains("Segment (number)", table.Find("[data-testid=mapping-row][data-field=Segment]").TextContent);
        Assert.Contains("Business Name", table.Find("[data-testid=mapping-row][data-field=BusinessName]").TextContent);
        Assert.Contains("db1", table.Find("[data-testid=mapping-ids]").TextContent);
        Assert.Contains("ds1", table.Find("[data-testid=mapping-ids]").TextContent);
        Assert.Empty(table.FindAll("[data-testid=mapping-error]"));
    }

    [Fact]
    public void Table_ShowsTheDatabasesError_WhenItCannotBeRead()
    {
        var table = RenderTable(new NotionDatabaseStatus("db1", null, null, false, [], [], "Notion 404 object_not_found: Could not find database with ID: db1."));

        Assert.Contains("Could not find database with ID: db1.", table.Find("[data-testid=mapping-error]").TextContent);
        Assert.Contains("not resolved", table.Find("[data-testid=mapping-ids]").TextContent);
        Assert.Empty(table.FindAll("[data-testid=mapping-row]"));
    }

    [Fact]
    public void Table_WarnsThatNothingIsMirrored_WhenTheEmailPropertyIsMissing()
    {
        var table = RenderTable(new NotionDatabaseStatus("db1", "ds1", "Name", false, ["Email"],
            [new PropertyMapping("Email", "Email", "email", null, null, "missing")], null));

        Assert.Contains("needs a title property and an Email property", table.Find("[data-testid=mapping-unusable]").TextContent);
        Assert.Equal("missing", State(table, "Email"));
    }

    [Theory]
    [InlineData(true, "Not mirrored: Notion:ContactsDatabaseId is not set.")]
    [InlineData(false, "Not read yet")]
    public void Table_SaysWhyThereIsNoSchema_WhenTheDatabaseIsUnsetOrNotReadYet(bool schemasRead, string expected)
    {
        var table = RenderTable(null, schemasRead);

        Assert.Contains(expected, table.Find("[data-testid=mapping-absent]").TextContent);
    }
}
