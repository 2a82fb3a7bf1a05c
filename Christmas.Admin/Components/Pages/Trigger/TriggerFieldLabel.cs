using System.Text.RegularExpressions;

namespace Christmas.Admin.Components.Pages.Trigger;

/// <summary>A webhook field as the form's label says it: "first_name" is "First name", "email_1_sent_at" "Email #1 sent at".</summary>
public static partial class TriggerFieldLabel
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal) { ["id"] = "ID" };

    public static string For(string field)
    {
        var words = EmailNumber().Replace(field, "email #$1").Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Words.GetValueOrDefault(w, w)).ToArray();
        if (words.Length == 0) return field;
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^email_(\d+)")]
    private static partial Regex EmailNumber();
}
