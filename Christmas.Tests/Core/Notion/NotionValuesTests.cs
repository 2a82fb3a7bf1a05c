using Christmas.Core.Notion.Client;

namespace Christmas.Tests.Core.Notion;

public class NotionValuesTests
{
    [Fact]
    public void RichText_OverTheLimit_IsSplitInto2000CharacterItems_WithNothingLost()
    {
        var text = new string('a', 4500);

        var items = NotionValues.Of("rich_text", text)!["rich_text"]!.AsArray();

        Assert.Equal([2000, 2000, 500], items.Select(i => i!["text"]!["content"]!.GetValue<string>().Length));
        Assert.Equal(text, string.Concat(items.Select(i => i!["text"]!["content"]!.GetValue<string>())));
    }

    [Fact]
    public void RichText_NeverSplitsAnEmojiInHalf()
    {
        var text = new string('a', 1999) + "🎄" + "b";

        var items = NotionValues.Of("rich_text", text)!["rich_text"]!.AsArray();

        Assert.Equal(1999, items[0]!["text"]!["content"]!.GetValue<string>().Length);
        Assert.Equal("🎄b", items[1]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void Values_TakeNotionsShapes_AndNullClears()
    {
        Assert.Equal("""{"email":"ada@x.com"}""", NotionValues.Of("email", "ada@x.com")!.ToJsonString());
        Assert.Equal("""{"number":3}""", NotionValues.Of("number", 3)!.ToJsonString());
        Assert.Equal("""{"select":{"name":"CRITICAL"}}""", NotionValues.Of("select", "CRITICAL")!.ToJsonString());
        Assert.Equal("""{"select":null}""", NotionValues.Of("select", null)!.ToJsonString());
        Assert.Equal("""{"date":{"start":"2026-12-01T09:30:00.000Z","end":null}}""",
            NotionValues.Of("date", new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc))!.ToJsonString());
        Assert.Equal("""{"date":null}""", NotionValues.Of("date", null)!.ToJsonString());
        Assert.Equal("""{"checkbox":true}""", NotionValues.Of("checkbox", true)!.ToJsonString());
        Assert.Null(NotionValues.Of("relation", "x"));
    }
}
