using System.Text.RegularExpressions;

namespace Christmas.Core.Templates;

/// <summary>
/// The plain-text part from the rendered Markdown, which reads well as text already: links become
/// "text (url)" so the booking link survives, and the escapes that kept values literal are removed.
/// </summary>
public static partial class PlainText
{
    public static string FromMarkdown(string markdown) =>
        Escape().Replace(Link().Replace(markdown, "$1 ($2)"), "$1").Trim();

    /// <summary>The text of an HTML body: blocks become lines, links "text (url)", tags dropped, entities decoded.</summary>
    public static string FromHtml(string html)
    {
        var text = Hidden().Replace(html, "");
        text = HtmlLink().Replace(text, "$2 ($1)");
        text = BlockEnd().Replace(text, "\n");
        text = System.Net.WebUtility.HtmlDecode(Tag().Replace(text, ""));
        text = SpaceRun().Replace(text, " ");
        return BlankLines().Replace(string.Join('\n', text.Split('\n').Select(l => l.Trim())), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(style|script|head)\b[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<a\b[^>]*?href\s*=\s*[""']([^""']*)[""'][^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|li|tr|table|ul|ol|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f]+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    // A link the template wrote; a value's brackets are escaped ("\[") and never match.
    [GeneratedRegex(@"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\s\\])*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();
}
