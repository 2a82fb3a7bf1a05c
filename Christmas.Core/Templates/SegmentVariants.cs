using Christmas.Core.Contacts;

namespace Christmas.Core.Templates;

/// <summary>
/// The one rule for which template a contact's step uses (DESIGN.md "Templates"): the variant for the
/// contact's segment ("assessment-2.critical") when that key exists, else the base template. The send,
/// the editor's preview, "what happens next" and the dashboard all choose through here.
/// </summary>
public static class SegmentVariants
{
    /// <summary>The keys a step may use, preferred first: the segment's variant, then the base.</summary>
    /// <param name="segment">A segment's name in any case ("Critical", "CRITICAL"); null for a contact without one.</param>
    public static IReadOnlyList<string> Candidates(string templateKey, string? segment) =>
        string.IsNullOrEmpty(segment) ? [templateKey] : [EmailTemplate.VariantKey(templateKey, segment), templateKey];

    /// <summary>The key a contact in <paramref name="segment"/> gets, given the keys that exist.</summary>
    public static string KeyFor(string templateKey, Segment? segment, IReadOnlySet<string> existing) =>
        Candidates(templateKey, segment?.ToString()).FirstOrDefault(existing.Contains) ?? templateKey;

    /// <summary>"assessment-2.critical" → "assessment-2"; a base key is its own base.</summary>
    public static string BaseKey(string key) => key.Split('.')[0];

    /// <summary>The segment a variant key is for; null for a base key or an unknown suffix.</summary>
    public static Segment? SegmentOf(string key)
    {
        var dot = key.IndexOf('.');
        return dot > 0 && Enum.TryParse<Segment>(key[(dot + 1)..], ignoreCase: true, out var segment) ? segment : null;
    }
}
