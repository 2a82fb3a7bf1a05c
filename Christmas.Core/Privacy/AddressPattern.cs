using System.Text.RegularExpressions;

namespace Christmas.Core.Privacy;

/// <summary>
/// One person's address inside free text (a log line, an audit detail, a JSON payload), in any case, as a
/// whole address only: "ann@example.com" is not found inside "joann@example.com" or "ann@example.com.au".
/// </summary>
public sealed class AddressPattern(string email)
{
    public const string Replacement = "[erased]";

    private readonly Regex _regex = new(
        $@"(?<![A-Za-z0-9._%+\-]){Regex.Escape(email)}(?![A-Za-z0-9\-]|\.[A-Za-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The address as the database stores it (trimmed, lower case): what SQL candidate searches look for.</summary>
    public string Lower { get; } = email.ToLowerInvariant();

    public bool IsIn(string? text) => text is not null && _regex.IsMatch(text);

    public string Redact(string text) => _regex.Replace(text, Replacement);
}
