using System.Text.RegularExpressions;

namespace Christmas.Core.Templates;

/// <summary>
/// The plain-text part from the rendered Markdown, which reads well as text already: links become
/// "text (url)" so the booking link survives, and the escapes that kept values literal are removed.
/// </summary>
public static partial class PlainText
{
    public static string FromMarkdown(string markdown) =>
        CollapseBlankLines(Escape().Replace(Link().Replace(markdown, "$1 ($2)"), "$1"));

    /// <summary>
    /// At most one blank line in a row: a template's Liquid tags (<c>{% if %}</c> lines, an empty variable)
    /// leave blank lines behind, which the HTML part hides and a text reader would see as gaps.
    /// Lines holding only spaces count as blank; trailing spaces go; line ends become "\n".
    /// </summary>
    public static string CollapseBlankLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    /// <summary>The text of an HTML body: blocks become lines, links "text (url)", tags dropped, entities decoded.</summary>
    public static string FromHtml(string html)
    {
        var text = Hidden().Replace(html, "");
        text = HtmlLink().Replace(text, "$2 ($1)");
        text = BlockEnd().Replace(text, "\n");
        text = System.Net.WebUtility.HtmlDecode(Tag().Replace(text, ""));
        text = SpaceRun().Replace(text, " ");
        return CollapseBlankLines(string.Join('\n', text.Split('\n').Select(l => l.Trim())));
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
