namespace Christmas.Core.Templates;

/// <summary>A default template as shipped: <c>Subject: ...</c>, an empty line, then the Markdown body.</summary>
public sealed record TemplateSource(string Key, string Subject, string Body)
{
    public static TemplateSource Parse(string key, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 3 || !lines[0].StartsWith("Subject:", StringComparison.Ordinal) || lines[1].Length != 0)
            throw new FormatException($"Default template {key} must start with 'Subject: ...' and an empty line.");
        return new TemplateSource(key, lines[0]["Subject:".Length..].Trim(), string.Join('\n', lines[2..]).Trim() + "\n");
    }
}
