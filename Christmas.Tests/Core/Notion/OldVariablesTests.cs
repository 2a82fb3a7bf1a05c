using Christmas.Core.Notion.Import;

namespace Christmas.Tests.Core.Notion;

public class OldVariablesTests
{
    private static readonly HashSet<string> Known = ["first_name", "business_name", "weakest_system_1", "weakest_system_2", "revenue_leak_total", "calendly_link", "deadline", "segment"];

    [Theory]
    [InlineData("Hi {{first_name}}", "Hi {{ first_name }}")]
    [InlineData("{{FirstName}} at {{BusinessName}}", "{{ first_name }} at {{ business_name }}")]
    [InlineData("Fix {{WeakestSystem1}} then {{WeakestSystem2}}", "Fix {{ weakest_system_1 }} then {{ weakest_system_2 }}")]
    [InlineData("by {{deadline_date}}: {{calendly_link}}", "by {{ deadline }}: {{ calendly_link }}")]
    [InlineData("<p>{{ segment }}</p>", "<p>{{ segment }}</p>")]
    public void Translate_MapsOldNames_ToOurs(string old, string ours)
    {
        var (text, unknown) = OldVariables.Translate(old, Known);

        Assert.Equal(ours, text);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Translate_ReportsNamesWithNoEquivalent()
    {
        var (_, unknown) = OldVariables.Translate("Leak {{TotalRevenueLeak_K}}K, score {{Score1}}, {{first_name}}", Known);

        Assert.Equal(["Score1", "TotalRevenueLeak_K"], unknown);
    }

    [Theory]
    [InlineData("5-Day E2", "assessment-2")]
    [InlineData("5-Day E5", "assessment-5")]
    [InlineData("noshow_recovery_email_1", "noshow-1")]
    [InlineData("postcall_maybe_email_3", "postcall-3")]
    [InlineData("onboarding_phase1_email_2", "onboarding-2")]
    public void TemplateNames_MapToOurKeys(string name, string key) => Assert.Equal(key, OldTemplateNames.KeyFor(name, out _));

    [Theory]
    [InlineData("5-Day E1", "sent by the website")]
    [InlineData("noshow_recovery_email_4", "no email #4")]
    [InlineData("5-Day E2a_critical", "no step")]
    public void TemplateNames_WeDoNotImport_SayWhy(string name, string reason)
    {
        Assert.Null(OldTemplateNames.KeyFor(name, out var why));
        Assert.Contains(reason, why);
    }
}
