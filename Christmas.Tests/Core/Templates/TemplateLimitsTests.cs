using Christmas.Tests.Fixtures;
using System.Diagnostics;
using Christmas.Core.Templates;
using Christmas.Core.Templates.Limits;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Templates;

/// <summary>A Marketer's template runs on the server: whatever is typed, a render ends quickly with a reason.</summary>
public class TemplateLimitsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TemplateRenderer _renderer = new(new TemplateVariableCatalog(() => RevisionOne.Campaign), new EmailLayout());

    private static Dictionary<string, string?> Vars() => new()
    {
        ["first_name"] = "Sarah", ["sender_name"] = "BusOS Team", ["sender_postal_address"] = "1 Main St",
        ["sender_contact_email"] = "hello@busos.example", ["unsubscribe_url"] = "http://localhost:8080/u/TOKEN",
    };

    private static EmailTemplate Template(string body) => new("assessment-2", 1, "S", body, "test", Now);

    [Theory]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}", "range of 100,000,000 items")]
    [InlineData("{% assign r = (1..100000000) %}", "range of 100,000,000 items")]
    [InlineData("{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}", "loop steps")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}", "more than 1,000,000 characters")]
    [InlineData("{% for i in (1..10000) %}{% for j in (1..9) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}{% endfor %}", "characters")]
    public async Task Render_StopsARunawayTemplate_QuicklyAndWithAReason(string body, string expected)
    {
        var memoryBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TemplateException>(() => _renderer.RenderAsync(Template(body), Vars()));

        Assert.Contains(expected, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes() - memoryBefore < 500_000_000, "allocated more than 500 MB");
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}", "range of 100,000,000 items")]
    [InlineData("{% include 'footer' %}", "{% include %} is not supported")]
    [InlineData("{% render 'footer' %}", "{% render %} is not supported")]
    public async Task Validate_RefusesWhatWouldTakeTheServerDown_BeforeItIsSaved(string body, string expected)
    {
        var errors = await _renderer.ValidateAsync("Subject", body);
        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Fact]
    public async Task Render_RefusesAnInclude_AtSendTime()
    {
        var error = await Assert.ThrowsAsync<TemplateException>(() => _renderer.RenderAsync(Template("Hi {% include 'x' %}"), Vars()));
        Assert.Contains("{% include %} is not supported", error.Message);
    }

    [Fact]
    public async Task Render_StopsAtTheTimeLimit()
    {
        var renderer = new TemplateRenderer(new TemplateVariableCatalog(() => RevisionOne.Campaign), new EmailLayout(),
            new TemplateLimits { MaxRenderTime = TimeSpan.FromMilliseconds(1), MaxSteps = int.MaxValue });

        var error = await Assert.ThrowsAsync<TemplateException>(() => renderer.RenderAsync(
            Template("{% for i in (1..10000) %}{% for j in (1..10000) %}{{ j }}{% endfor %}{% endfor %}"), Vars()));

        Assert.Contains("longer than", error.Message);
    }

    [Fact]
    public async Task Render_StopsWhenTheCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _renderer.RenderDraftAsync("assessment-2", "S",
            "{% for i in (1..10) %}{{ i }}{% endfor %}", Vars(), cancelled.Token));
    }

    [Fact]
    public async Task Render_StillAllowsOrdinaryLoopsAndRanges()
    {
        var email = await _renderer.RenderAsync(Template("{% for i in (1..3) %}[{{ i }}]{% endfor %} {{ first_name }}"), Vars());
        Assert.Contains("[1][2][3] Sarah", email.Text);
    }
}
