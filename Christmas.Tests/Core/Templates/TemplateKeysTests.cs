using Christmas.Core.Templates;

namespace Christmas.Tests.Core.Templates;

/// <summary>Which keys the API may save under: the definition's names and their segment variants.</summary>
public class TemplateKeysTests
{
    [Theory]
    [InlineData("assessment-6", null, "assessment-6")]
    [InlineData("assessment-2", "CRITICAL", "assessment-2.critical")]
    [InlineData("assessment-2", "urgent", "assessment-2.urgent")]
    [InlineData("assessment-2.optimize", null, "assessment-2.optimize")]
    [InlineData("assessment-2.optimize", "", "assessment-2.optimize")]
    public void Resolve_AnswersTheKeyToSave(string key, string? segment, string expected)
    {
        Assert.Equal(expected, TemplateKeys.Resolve(key, segment, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("Assessment-6", null)]
    [InlineData("6-assessment", null)]
    [InlineData("a_b", null)]
    [InlineData("assessment-2.vip", null)]
    [InlineData("assessment-2.CRITICAL", null)]
    [InlineData("assessment-2", "1")]
    [InlineData("assessment-2", "VIP")]
    [InlineData("assessment-2.critical", "URGENT")]
    public void Resolve_RefusesABadKeyOrSegment_SayingWhy(string key, string? segment)
    {
        Assert.Null(TemplateKeys.Resolve(key, segment, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Resolve_RefusesAKeyOver40Characters()
    {
        Assert.NotNull(TemplateKeys.Resolve("a" + new string('b', 39), null, out _));
        Assert.Null(TemplateKeys.Resolve("a" + new string('b', 40), null, out _));
    }
}
