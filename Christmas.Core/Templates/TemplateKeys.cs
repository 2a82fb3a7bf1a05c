using System.Text.RegularExpressions;
using Christmas.Core.Contacts;

namespace Christmas.Core.Templates;

/// <summary>
/// The keys a template may be saved under: a name as the campaign definition spells them ("assessment-6"),
/// or a segment variant of one ("assessment-2.critical", the style <see cref="EmailTemplate.VariantKey"/> makes).
/// </summary>
public static partial class TemplateKeys
{
    /// <summary>The key to save: <paramref name="key"/> itself, or its variant for <paramref name="segment"/>.</summary>
    /// <param name="segment">CRITICAL, URGENT or OPTIMIZE (any case); null or empty for <paramref name="key"/> itself.</param>
    /// <returns>The key, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static string? Resolve(string key, string? segment, out string? error)
    {
        error = null;
        var baseKey = SegmentVariants.BaseKey(key);
        if (!Name().IsMatch(baseKey))
            error = $"'{key}' is not a template key: lowercase letters, digits and '-', starting with a letter, at most 40 characters (a variant adds .critical, .urgent or .optimize).";
        else if (baseKey != key && !IsVariantSuffix(key[(baseKey.Length + 1)..]))
            error = $"'{key}' is not a template key: a variant ends in .critical, .urgent or .optimize.";
        else if (string.IsNullOrEmpty(segment))
            return key;
        else if (baseKey != key)
            error = $"'{key}' is already a variant: give the base key with a segment, or the variant key alone.";
        else if (!IsSegmentName(segment))
            error = $"segment must be CRITICAL, URGENT or OPTIMIZE, not '{segment}'.";
        else
            return EmailTemplate.VariantKey(key, segment);
        return null;
    }

    // Enum.TryParse would take "1" too: only the names count.
    private static bool IsSegmentName(string text) =>
        Enum.GetNames<Segment>().Contains(text, StringComparer.OrdinalIgnoreCase);

    private static bool IsVariantSuffix(string suffix) =>
        Enum.GetNames<Segment>().Any(n => n.ToLowerInvariant() == suffix);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex Name();
}
