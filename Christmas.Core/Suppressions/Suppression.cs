namespace Christmas.Core.Suppressions;

/// <summary>
/// An address that is never mailed again. Kept apart from contacts: an address can be suppressed
/// before the website ever sends it (a manual entry), and the entry outlives any contact change.
/// </summary>
public sealed class Suppression
{
    /// <summary>Trimmed and lower-cased, like a contact's email: the key.</summary>
    public string Email { get; private set; } = "";
    public SuppressionReason Reason { get; private set; }
    /// <summary>Who or what added it: "unsubscribe link", "resend: email.bounced", "console: ann@example.com", "api-token".</summary>
    public string Source { get; private set; } = "";
    /// <summary>Free text: the bounce message, an operator's note.</summary>
    public string? Detail { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Suppression() { }

    public Suppression(string email, SuppressionReason reason, string source, string? detail, DateTime now)
    {
        Email = email;
        Reason = reason;
        Source = source;
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail;
        CreatedAt = now;
    }
}
