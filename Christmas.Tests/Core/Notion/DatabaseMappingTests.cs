using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;

namespace Christmas.Tests.Core.Notion;

public class DatabaseMappingTests
{
    private static readonly NotionDataSource OldContacts = new("ds1", new Dictionary<string, string>
    {
        ["first_name"] = "title", ["email"] = "email", ["last_name"] = "rich_text",
        ["Segment"] = "select", ["Christmas Campaign Status"] = "select", ["Red Systems"] = "rich_text",
    });

    [Fact]
    public void OldLayout_MapsByConfigurationAlone_TitleFoundByType_NamesCaseInsensitive()
    {
        var configured = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Email"] = "Email", ["BusinessName"] = "last_name" };

        var mapping = DatabaseMapping.Resolve("contacts", "db1", OldContacts, NotionFieldCatalog.Contacts, configured);

        Assert.True(mapping.IsUsable);
        Assert.Equal("first_name", mapping.TitleProperty);
        Assert.Equal(("email", "email"), mapping.Mapped("Email"));
        Assert.Equal(("last_name", "rich_text"), mapping.Mapped("BusinessName"));
        var properties = mapping.Build(new Dictionary<string, object?> { ["Name"] = "Sarah", ["Email"] = "s@x.com", ["BusinessName"] = "Salon", ["Status"] = "active" });
        Assert.Equal(["first_name", "email", "last_name"], properties.Select(p => p.Key));
    }

    [Fact]
    public void MissingAndWrongTypedProperties_AreReported_NotFatal()
    {
        var mapping = DatabaseMapping.Resolve("contacts", "db1", OldContacts, NotionFieldCatalog.Contacts, new Dictionary<string, string>());

        Assert.True(mapping.IsUsable);
        Assert.Contains("Business Name", mapping.MissingProperties);
        Assert.Equal("is rich_text, expected number", mapping.Properties.Single(p => p.Field == "RedSystems").Problem);
        Assert.Null(mapping.Mapped("RedSystems"));
    }

    [Fact]
    public void WithoutAnEmailProperty_TheDatabaseIsNotUsable()
    {
        var source = new NotionDataSource("ds1", new Dictionary<string, string> { ["Name"] = "title", ["Notes"] = "rich_text" });

        var mapping = DatabaseMapping.Resolve("contacts", "db1", source, NotionFieldCatalog.Contacts, new Dictionary<string, string>());

        Assert.False(mapping.IsUsable);
        Assert.Contains("Email", mapping.MissingProperties);
    }
}
