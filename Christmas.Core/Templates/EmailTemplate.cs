namespace Christmas.Core.Templates;

/// <summary>One version of one template (subject + Markdown body with Liquid variables). Versions are never changed: an edit adds one.</summary>
public sealed class EmailTemplate
{
    public long Id { get; private set; }
    /// <summary>A step's template key ("assessment-2"), or a segment variant of it ("assessment-2.critical").</summary>
    public string Key { get; private set; } = "";
    public int Version { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private EmailTemplate() { }

    public EmailTemplate(string key, int version, string subject, string body, string author, DateTime now)
    {
        Key = key;
        Version = version;
        Subject = subject;
        Body = body;
        Author = author;
        CreatedAt = now;
    }

    /// <summary>The key of <paramref name="templateKey"/>'s variant for a segment: "assessment-2.critical".</summary>
    public static string VariantKey(string templateKey, string segment) => $"{templateKey}.{segment.ToLowerInvariant()}";
}
