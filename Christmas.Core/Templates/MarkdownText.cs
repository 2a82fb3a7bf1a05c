using System.Text;

namespace Christmas.Core.Templates;

/// <summary>
/// Makes a value literal text inside Markdown: every ASCII punctuation character is backslash-escaped
/// (CommonMark), so a name like "[click](http://x)" or "&lt;script&gt;" stays text, and Markdig
/// HTML-escapes it on output. Line breaks become spaces.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\r' or '\n') text.Append(' ');
            else if (c < 128 && char.IsPunctuation(c) || c is '`' or '^' or '+' or '<' or '>' or '=' or '|' or '~' or '$')
                text.Append('\\').Append(c);
            else text.Append(c);
        }
        return text.ToString();
    }
}
