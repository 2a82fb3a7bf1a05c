namespace Christmas.Core.Delivery;

/// <summary>Section <c>Email</c>: which sender delivers the scheduled emails, and as whom.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string Outbox = "Outbox";
    public const string Resend = "Resend";
    public const string Smtp = "Smtp";
    public static readonly string[] Providers = [Outbox, Resend, Smtp];

    /// <summary>Outbox (stores every email, sends nothing), Resend or Smtp.</summary>
    public string Provider { get; set; } = Outbox;
    /// <summary>"Name &lt;address&gt;", e.g. "BusinessX Canada &lt;noreply@example.com&gt;".</summary>
    public string? From { get; set; }
    public string? ReplyTo { get; set; }

    public bool IsResend => string.Equals(Provider, Resend, StringComparison.OrdinalIgnoreCase);
    public bool IsSmtp => string.Equals(Provider, Smtp, StringComparison.OrdinalIgnoreCase);
}
