using System.Text.RegularExpressions;

namespace Christmas.Core.Notion.Import;

/// <summary>The old Email Templates database's names for our steps (reference/old-system.md).</summary>
public static partial class OldTemplateNames
{
    /// <returns>Our template key, or null with why the name is not imported.</returns>
    public static string? KeyFor(string name, out string? notImported)
    {
        notImported = null;
        var trimmed = name.Trim();
        if (FiveDay().Match(trimmed) is { Success: true } fiveDay)
        {
            var n = int.Parse(fiveDay.Groups[1].Value);
            if (n == 1) notImported = "assessment email #1 is sent by the website, not by this app";
            else if (n > 5) notImported = $"the assessment sequence has no email #{n}";
            return notImported is null ? $"assessment-{n}" : null;
        }
        if (Numbered().Match(trimmed) is { Success: true } numbered)
        {
            var n = int.Parse(numbered.Groups[2].Value);
            var kind = numbered.Groups[1].Value.ToLowerInvariant() switch
            {
                "noshow_recovery" => "noshow",
                "postcall_maybe" => "postcall",
                _ => "onboarding",
            };
            if (n is >= 1 and <= 3) return $"{kind}-{n}";
            notImported = $"the {kind} sequence has no email #{n}";
            return null;
        }
        notImported = "no step of this app uses this template name";
        return null;
    }

    [GeneratedRegex(@"^5-Day E(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FiveDay();

    [GeneratedRegex(@"^(noshow_recovery|postcall_maybe|onboarding_phase1)_email_(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
