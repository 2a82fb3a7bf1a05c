using Christmas.Tests.Fixtures;
using Christmas.Core.Campaign;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Core.Templates;

public class SampleVariablesTests
{
    private static readonly TemplateVariableCatalog Catalog = new(() => RevisionOne.Campaign);
    private readonly TemplateRenderer _renderer = new(Catalog, new EmailLayout());
    private readonly SampleVariables _samples = new(Catalog, Options.Create(new CampaignOptions { CalendlyUrl = "https://calendly.com/busos/call" }), TimeProvider.System);

    [Fact]
    public void For_GivesEveryVariableOfTheCatalogAValue()
    {
        var vars = _samples.For("noshow-1");

        Assert.Equal(Catalog.Names.Order(), vars.Keys.Order());
        Assert.All(vars, v => Assert.False(string.IsNullOrWhiteSpace(v.Value), v.Key));
        Assert.Equal("https://calendly.com/busos/call", vars["calendly_link"]);
    }

    [Fact]
    public void For_AVariant_UsesItsSegment()
    {
        Assert.Equal("URGENT", _samples.For("assessment-3.urgent")["segment"]);
    }

    [Fact]
    public async Task EveryShippedTemplate_RendersWithSampleData_WithoutRawVariables()
    {
        foreach (var (key, source) in new DefaultTemplates().All)
        {
            var email = await _renderer.RenderDraftAsync(key, source.Subject, source.Body, _samples.For(key));
            Assert.DoesNotContain("{{", email.Html);
            Assert.DoesNotContain("{{", email.Subject);
            Assert.Contains("Sarah", email.Subject + email.Text);
        }
    }
}
