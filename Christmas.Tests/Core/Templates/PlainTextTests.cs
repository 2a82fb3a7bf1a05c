using Christmas.Tests.Fixtures;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Templates;

/// <summary>The plain-text part never carries runs of blank lines, whatever the template's Liquid tags leave behind.</summary>
public class PlainTextTests
{
    private readonly TemplateRenderer _renderer = new(new TemplateVariableCatalog(() => RevisionOne.Campaign), new EmailLayout());

    private static Dictionary<string, string?> Vars() => new()
    {
        ["first_name"] = "Sarah", ["weakest_system_1"] = null, ["weakest_system_2"] = "",
        ["sender_name"] = "BusOS Team", ["sender_postal_address"] = "1 Main St, Halifax NS", ["sender_contact_email"] = "hello@busos.example",
        ["unsubscribe_url"] = "http://localhost:8080/u/TOKEN",
    };

    [Fact]
    public async Task ATemplateWhoseConditionsAreEmpty_RendersTextWithAtMostOneBlankLineInARow()
    {
        var body = "Hi {{ first_name }},\n\n{% if weakest_system_1 %}\nYour weakest system is {{ weakest_system_1 }}.\n{% endif %}\n\n"
            + "{% if weakest_system_2 != \"\" %}\nAnd {{ weakest_system_2 }}.\n{% endif %}\n   \n\n\r\n\nSee you soon.";

        var email = await _renderer.RenderAsync(new EmailTemplate("assessment-2", 1, "Hello", body, "test", DateTime.UtcNow), Vars());

        Assert.DoesNotContain("\n\n\n", email.Text);
        Assert.DoesNotContain("\r", email.Text);
        Assert.Contains("Hi Sarah,\n\nSee you soon.\n\n--\nBusOS Team", email.Text);
    }

    [Theory]
    [InlineData("a\n\n\n\nb", "a\n\nb")]
    [InlineData("a\n \n\t\n  \nb", "a\n\nb")]
    [InlineData("a\r\n\r\n\r\nb", "a\n\nb")]
    [InlineData("a  \nb\n\nc", "a\nb\n\nc")]
    [InlineData("\n\n\na\n\n\n", "a")]
    public void CollapseBlankLines_KeepsOneBlankLineBetweenParagraphs(string text, string expected) =>
        Assert.Equal(expected, PlainText.CollapseBlankLines(text));

    [Fact]
    public void AnImportedHtmlBody_AlsoComesOutWithoutBlankRuns() =>
        Assert.Equal("One\n\nTwo", PlainText.FromHtml("<p>One</p>\n\n\n<div> </div>\n\n<p>Two</p>"));
}
