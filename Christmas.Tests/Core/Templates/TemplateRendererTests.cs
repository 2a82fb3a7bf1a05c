using Christmas.Tests.Fixtures;
using Christmas.Core.Sequences;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Templates;

public class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new(new TemplateVariableCatalog(() => RevisionOne.Campaign), new EmailLayout());
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, string?> Vars(string firstName = "Sarah") => new()
    {
        ["first_name"] = firstName, ["business_name"] = "Sarah's Salon", ["weakest_system_1"] = null,
        ["calendly_link"] = "https://calendly.com/busos/diagnostic?src=email", ["deadline"] = "December 20",
        ["sender_name"] = "BusOS Team", ["sender_postal_address"] = "1 Main St, Halifax NS", ["sender_contact_email"] = "hello@busos.example",
        ["unsubscribe_url"] = "http://localhost:8080/u/TOKEN",
    };

    private static EmailTemplate Template(string subject, string body) => new("assessment-2", 1, subject, body, "test", Now);

    [Fact]
    public async Task Render_FillsVariables_InSubjectHtmlAndText()
    {
        var email = await _renderer.RenderAsync(Template("{{ first_name }}, one question",
            "Hi {{ first_name }},\n\n**{{ business_name }}** can still [book a call]({{ calendly_link }}) before {{ deadline }}."), Vars());

        Assert.Equal("Sarah, one question", email.Subject);
        Assert.Contains("<strong>Sarah's Salon</strong>", email.Html);
        Assert.Contains("href=\"https://calendly.com/busos/diagnostic?src=email\"", email.Html);
        Assert.Contains("**Sarah's Salon** can still book a call (https://calendly.com/busos/diagnostic?src=email) before December 20.", email.Text);
    }

    [Fact]
    public async Task Render_HtmlEscapesValues_AndNeverTurnsThemIntoMarkup()
    {
        var email = await _renderer.RenderAsync(Template("Hi {{ first_name }}", "Hi {{ first_name }}"),
            Vars("<script>alert(1)</script> [win](http://evil.example) **bold**"));

        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html);
        Assert.DoesNotContain("href=\"http://evil.example\"", email.Html);
        Assert.DoesNotContain("<strong>bold</strong>", email.Html);
        Assert.Contains("<script>alert(1)</script> [win](http://evil.example) **bold**", email.Text);
    }

    [Fact]
    public async Task Render_AddsTheFooterAndUnsubscribeLink_ToBothParts()
    {
        var email = await _renderer.RenderAsync(Template("S", "Body"), Vars());

        Assert.Contains("BusOS Team &middot; 1 Main St, Halifax NS &middot; hello@busos.example", email.Html);
        Assert.Contains("href=\"http://localhost:8080/u/TOKEN\"", email.Html);
        Assert.Contains("Unsubscribe: http://localhost:8080/u/TOKEN", email.Text);
        Assert.Contains("max-width:600px", email.Html);
    }

    [Fact]
    public async Task Render_LeavesAnEmptyOptionalValueOut_WhenTheTemplateGuardsIt()
    {
        var email = await _renderer.RenderAsync(Template("S", "A{% if weakest_system_1 %} weakest: {{ weakest_system_1 }}{% endif %} {{ weakest_system_1 | default: \"your systems\" }}"), Vars());
        Assert.Contains("A your systems", email.Text);
    }

    [Fact]
    public async Task Render_RefusesATemplateUsingAVariableTheDataLacks()
    {
        var error = await Assert.ThrowsAsync<TemplateException>(() => _renderer.RenderAsync(Template("S", "Hi {{ nickname }}"), Vars()));
        Assert.Contains("nickname", error.Message);
    }

    [Theory]
    [InlineData("Hi {{ first_name ", "body does not parse")]
    [InlineData("Hi {{ frist_name }}", "Unknown variable(s): frist_name")]
    [InlineData("{% if first_name %}no end", "body does not parse")]
    public async Task Validate_RejectsBrokenTemplatesBeforeTheyAreSaved(string body, string expected)
    {
        var errors = await _renderer.ValidateAsync("Subject", body);
        Assert.Contains(errors, e => e.Contains(expected));
    }

    public static TheoryData<string> DefaultKeys => [.. new DefaultTemplates().All.Keys.Order()];

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public async Task EveryDefaultTemplate_Renders_WithOnlyTheDataEveryContactHas(string key)
    {
        var catalog = new TemplateVariableCatalog(() => RevisionOne.Campaign);
        var minimal = catalog.Names.ToDictionary(n => n, _ => (string?)null);
        minimal["first_name"] = "Sam";
        minimal["email"] = "sam@example.com";
        minimal["calendly_link"] = "https://calendly.com/busos/diagnostic";
        minimal["unsubscribe_url"] = "http://localhost:8080/u/TOKEN";
        var source = new DefaultTemplates().All[key];

        var email = await _renderer.RenderAsync(new EmailTemplate(key, 1, source.Subject, source.Body, "default", Now), minimal);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain("{{", email.Subject + email.Html + email.Text);
        Assert.DoesNotContain("{%", email.Html + email.Text);
        Assert.Contains("Sam", email.Text);
    }

    [Fact]
    public void TheDefaults_CoverThe13ScheduledEmails_AndAVariantPerSegmentForAssessmentTwoToFive()
    {
        var keys = new DefaultTemplates().All.Keys.ToHashSet();
        var expected = RevisionOne.Campaign.Sequences.SelectMany(d => d.Steps).Where(s => !s.SentByWebsite).Select(s => s.TemplateKey)
            .Concat(from n in new[] { 2, 3, 4, 5 } from segment in new[] { "critical", "urgent", "optimize" } select $"assessment-{n}.{segment}");
        Assert.Equal(expected.Order(), keys.Order());
    }

    [Fact]
    public async Task Validate_AcceptsEveryKnownVariable_IncludingWebhookFields()
    {
        Assert.Empty(await _renderer.ValidateAsync("{{ first_name }}", "{{ calendly_event_id }} {{ payment_date }} {{ unsubscribe_url }} {{ segment }}"));
    }

    [Fact]
    public async Task HtmlBody_ImportedFromTheOldSystem_KeepsItsMarkup_AndEscapesValuesAsHtml()
    {
        var email = await _renderer.RenderAsync(Template("{{ first_name }}, your results",
            "<p>Hi {{ first_name }},</p><p>See <a href=\"{{ calendly_link }}\">the calendar</a>.</p>"), Vars("Sam & <Jo>'s"));

        Assert.Contains(">Hi Sam &amp; &lt;Jo&gt;&#39;s,</p>", email.Html);
        Assert.DoesNotContain("\\", email.Html);
        Assert.Contains("href=\"https://calendly.com/busos/diagnostic?src=email\"", email.Html);
        Assert.Contains("Hi Sam & <Jo>'s,", email.Text);
        Assert.Contains("the calendar (https://calendly.com/busos/diagnostic?src=email)", email.Text);
        Assert.DoesNotContain("<p>", email.Text);
    }
}
