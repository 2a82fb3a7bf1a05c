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

    // A link the template wrote; a value's brackets are escaped ("\[") and never match.
    [GeneratedRegex(@"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\s\\])*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();
}
